package ledger.query.cadre;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ledger.query.bulletin.BulletinMention;

/**
 * Everything the personnel office weighs when selecting a cadre (选拔任用), over a period, in one
 * document: the facts of the cadre record that fall in the period, summed up where a number is
 * asked for, and {@code eventIds}, every event the document rests on, so each line can be proved.
 * {@code recordPosition} is the global position of the last event the record had applied.
 * Key tasks come twice, each with its own summary: those the cadre led as lead leader
 * ({@code taskSummary}, 牵头领导) and those their unit led while they headed it
 * ({@code unitHeadTaskSummary}, 牵头处室负责人), beside the headships of the period. Bulletin
 * highlights and problems are the published entries, each with its errata beside it.
 */
public record PromotionEvidenceView(
        String cadreId,
        String name,
        String unitId,
        String position,
        boolean partyMember,
        LocalDate from,
        LocalDate to,
        Long asOfPosition,
        long recordPosition,
        LocalDate leftBureauOn,
        List<CadreRecordView.Posting> postings,
        CadreRecordView.Leadership leadership,
        TaskSummary taskSummary,
        List<CadreRecordView.TaskLed> tasksLed,
        List<CadreRecordView.UnitHeadship> unitHeadships,
        TaskSummary unitHeadTaskSummary,
        List<CadreRecordView.TaskLed> tasksLedAsUnitHead,
        List<ScoreAverage> scoreAverages,
        List<CadreRecordView.ScoreItem> scores,
        List<CadreRecordView.AssessmentItem> assessments,
        List<CadreRecordView.AwardItem> awards,
        List<CadreRecordView.FrontLineItem> frontLine,
        List<BulletinMention> highlights,
        List<BulletinMention> problems,
        List<CadreRecordView.MistakeItem> mistakes,
        List<String> eventIds) {

    /** The capacity in which the cadre answered for the tasks of a summary. */
    public static final String LEAD_LEADER = "LEAD_LEADER";
    public static final String UNIT_HEAD = "UNIT_HEAD";

    /**
     * How the key tasks of the period the cadre answered for, in one capacity ({@code role}:
     * LEAD_LEADER 牵头领导 or UNIT_HEAD 牵头处室负责人), ended up.
     */
    public record TaskSummary(String role, String roleLabel, int led, int completedOnTime, int completedLate, int open,
                              int cancelledOrMerged, int escalated, int deadlineMissed) {
    }

    /** The mean score on one dimension over the period (after corrections), on its scale. */
    public record ScoreAverage(String dimension, int count, BigDecimal average, int scaleMin, int scaleMax) {
    }

    /** The evidence of {@code record} between {@code from} and {@code to}, both days included. */
    static PromotionEvidenceView of(CadreRecordView record, LocalDate from, LocalDate to, Long asOfPosition) {
        YearMonth firstMonth = YearMonth.from(from);
        YearMonth lastMonth = YearMonth.from(to);
        Predicate<String> monthInPeriod = month -> {
            YearMonth m = YearMonth.parse(month);
            return !m.isBefore(firstMonth) && !m.isAfter(lastMonth);
        };
        Predicate<LocalDate> dayInPeriod = day -> day != null && !day.isBefore(from) && !day.isAfter(to);

        List<CadreRecordView.Posting> postings = record.postings().stream()
                .filter(p -> p.from() == null || !p.from().isAfter(to)).toList();
        CadreRecordView.Leadership leadership = record.leadership() != null
                && !record.leadership().effectiveOn().isAfter(to) ? record.leadership() : null;
        List<CadreRecordView.TaskLed> tasks = record.tasksLed().stream()
                .filter(t -> monthInPeriod.test(t.ledgerMonth())).toList();
        List<CadreRecordView.UnitHeadship> headships = record.unitHeadships().stream()
                .filter(h -> !h.from().isAfter(to) && (h.endedOn() == null || h.endedOn().isAfter(from))).toList();
        List<CadreRecordView.TaskLed> unitTasks = record.tasksLedAsUnitHead().stream()
                .filter(t -> monthInPeriod.test(t.ledgerMonth())).toList();
        List<CadreRecordView.ScoreItem> scores = record.scores().stream()
                .filter(s -> monthInPeriod.test(s.month())).toList();
        List<CadreRecordView.AssessmentItem> assessments = record.assessments().stream()
                .filter(a -> dayInPeriod.test(a.periodEnd())).toList();
        List<CadreRecordView.AwardItem> awards = record.awards().stream()
                .filter(a -> a.year() >= from.getYear() && a.year() <= to.getYear()).toList();
        List<CadreRecordView.FrontLineItem> frontLine = record.frontLine().stream()
                .filter(f -> dayInPeriod.test(f.on())).toList();
        List<BulletinMention> mentions = record.bulletinMentions().stream()
                .filter(m -> monthInPeriod.test(m.month())).toList();
        List<CadreRecordView.MistakeItem> mistakes = record.mistakes().stream()
                .filter(m -> dayInPeriod.test(m.occurredOn())).toList();

        Set<String> events = new LinkedHashSet<>();
        postings.forEach(p -> events.add(p.eventId()));
        if (leadership != null) {
            events.add(leadership.eventId());
        }
        tasks.forEach(t -> events.addAll(t.eventIds()));
        headships.forEach(h -> events.addAll(h.eventIds()));
        unitTasks.forEach(t -> events.addAll(t.eventIds()));
        scores.forEach(s -> events.addAll(s.eventIds()));
        assessments.forEach(a -> events.addAll(a.eventIds()));
        awards.forEach(a -> events.add(a.eventId()));
        frontLine.forEach(f -> events.add(f.eventId()));
        mentions.forEach(m -> events.addAll(m.eventIds()));
        mistakes.forEach(m -> events.addAll(m.eventIds()));
        return new PromotionEvidenceView(record.cadreId(), record.name(), record.unitId(), record.position(),
                record.partyMember(), from, to, asOfPosition, record.lastPosition(), record.leftBureauOn(), postings,
                leadership, summary(LEAD_LEADER, "牵头领导", tasks), tasks, headships,
                summary(UNIT_HEAD, "牵头处室负责人", unitTasks), unitTasks, averages(scores), scores, assessments, awards,
                frontLine,
                mentions.stream().filter(m -> "HIGHLIGHT".equals(m.kind())).toList(),
                mentions.stream().filter(m -> "PROBLEM".equals(m.kind())).toList(), mistakes, List.copyOf(events));
    }

    private static TaskSummary summary(String role, String label, Collection<CadreRecordView.TaskLed> tasks) {
        Map<String, Long> outcomes = tasks.stream()
                .collect(Collectors.groupingBy(CadreRecordView.TaskLed::outcome, Collectors.counting()));
        return new TaskSummary(role, label, tasks.size(), count(outcomes, "COMPLETED_ON_TIME"), count(outcomes, "COMPLETED_LATE"),
                count(outcomes, "OPEN"), count(outcomes, "CANCELLED") + count(outcomes, "MERGED"),
                (int) tasks.stream().filter(CadreRecordView.TaskLed::escalated).count(),
                (int) tasks.stream().filter(CadreRecordView.TaskLed::deadlineMissed).count());
    }

    private static int count(Map<String, Long> outcomes, String outcome) {
        return outcomes.getOrDefault(outcome, 0L).intValue();
    }

    /** Means per dimension and scale: scores given on different scales are not averaged together. */
    private static List<ScoreAverage> averages(List<CadreRecordView.ScoreItem> scores) {
        Map<String, List<CadreRecordView.ScoreItem>> byDimension = scores.stream()
                .collect(Collectors.groupingBy(s -> s.dimension() + "\u0000" + s.scaleMin() + "\u0000" + s.scaleMax(),
                        TreeMap::new, Collectors.toList()));
        List<ScoreAverage> averages = new ArrayList<>();
        byDimension.values().forEach(items -> {
            int total = items.stream().mapToInt(CadreRecordView.ScoreItem::value).sum();
            averages.add(new ScoreAverage(items.get(0).dimension(), items.size(),
                    BigDecimal.valueOf(total).divide(BigDecimal.valueOf(items.size()), 2, RoundingMode.HALF_UP),
                    items.get(0).scaleMin(), items.get(0).scaleMax()));
        });
        return averages;
    }
}
