package ledger.command.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ledger.command.infrastructure.CommandSender;
import ledger.command.organisation.OrganisationDirectory;
import ledger.kernel.evaluation.ApproveScoreCorrectionCommand;
import ledger.kernel.evaluation.RecordScoreCommand;
import ledger.kernel.evaluation.RequestScoreCorrectionCommand;
import ledger.kernel.evaluation.ScoreId;
import ledger.kernel.evaluation.ScoreScale;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.AppointBureauLeaderCommand;
import ledger.kernel.organisation.AppointUnitHeadCommand;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.RegisterCadreCommand;
import ledger.kernel.organisation.RegisterUnitCommand;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.organisation.UnitKind;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.task.AssignTaskCommand;
import ledger.kernel.task.ReportProgressCommand;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.kernel.taskforce.DecisionEffect;
import ledger.kernel.taskforce.FormTaskForceCommand;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.ProblemKind;
import ledger.kernel.taskforce.RecordLeadershipDecisionCommand;
import ledger.kernel.taskforce.RecordTaskForceMeetingCommand;
import ledger.kernel.taskforce.ReferProblemCommand;
import ledger.kernel.taskforce.SubmitFeasibilityOpinionCommand;
import ledger.kernel.taskforce.TaskForceId;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A realistic month for the housing bureau of the speech, loaded through the same commands and
 * rules as real work, in the names of the people who would do it: 12 units each with its head and
 * the stationed discipline group, 6 bureau leaders, 43 cadres (among them every person of a demo
 * account), 60 key tasks of the current month from the mechanisms' sources, progress, one task
 * force whose problem the Party Group decides, and last month's score of a leader corrected with
 * four eyes. Loaded when {@code ledger.demo.data} is true ({@code ./run --demo}).
 *
 * <p>Each command carries a commit key named after its item ({@code demo/<aggregate>#<n>}), so the
 * store holds it at most once: a load that died half-way is finished by the next start, which
 * sends again only what is missing, and a finished load sends nothing. The month and days are
 * those of the first start (the day its first unit was registered), so a load resumed later
 * completes the same month.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Actor PERSONNEL = new Actor("cadre-personnel-wu", Role.PERSONNEL_OFFICE, "personnel-office");
    private static final Actor OFFICE = new Actor("cadre-office-zhao", Role.BUREAU_OFFICE, "bureau-office");
    private static final Actor PARTY_COMMITTEE = new Actor("cadre-party-qian", Role.ORGAN_PARTY_COMMITTEE,
            "organ-party-committee");

    private record UnitSpec(String id, String name, UnitKind kind) {
    }

    private record LeaderSpec(String id, String name, String title, List<String> areas, boolean personnel) {
    }

    private static final List<UnitSpec> UNITS = List.of(
            new UnitSpec("bureau-office", "办公室", UnitKind.BUREAU_OFFICE),
            new UnitSpec("personnel-office", "人事处", UnitKind.DIVISION),
            new UnitSpec("organ-party-committee", "机关党委", UnitKind.ORGAN_PARTY_COMMITTEE),
            new UnitSpec("planning-finance", "计划财务处", UnitKind.DIVISION),
            new UnitSpec("housing-security", "住房保障处", UnitKind.DIVISION),
            new UnitSpec("urban-renewal", "城市更新处", UnitKind.DIVISION),
            new UnitSpec("construction-market", "建筑市场监管处", UnitKind.DIVISION),
            new UnitSpec("quality-safety", "工程质量安全监管处", UnitKind.DIVISION),
            new UnitSpec("real-estate", "房地产市场监管处", UnitKind.DIVISION),
            new UnitSpec("village-towns", "村镇建设处", UnitKind.DIVISION),
            new UnitSpec("archives", "城建档案馆", UnitKind.AFFILIATED_UNIT),
            new UnitSpec("housing-service-center", "住房保障服务中心", UnitKind.AFFILIATED_UNIT));

    private static final List<LeaderSpec> LEADERS = List.of(
            new LeaderSpec("cadre-director-chen", "陈建国", "局长", List.of("全面工作", "城市更新"), false),
            new LeaderSpec("cadre-deputy-zhang", "张伟", "副局长", List.of("建筑市场", "工程质量安全"), false),
            new LeaderSpec("cadre-deputy-liu", "刘芳", "副局长", List.of("住房保障", "房地产市场"), false),
            new LeaderSpec("cadre-deputy-yang", "杨帆", "副局长", List.of("村镇建设", "城建档案"), false),
            new LeaderSpec("cadre-deputy-huang", "黄志强", "副局长", List.of("计划财务"), true),
            new LeaderSpec("cadre-inspector-zhou", "周敏", "四级调研员", List.of("安全生产"), false));

    private static final String FIRST_UNIT = UNITS.get(0).id();

    private static final String DISCIPLINE_GROUP = "discipline-group";

    /** Id, name, unit, position of the people behind the demo accounts of the office, personnel and discipline roles. */
    private static final String[][] SUPERVISORS = {
            {"cadre-office-zhao", "赵静", "bureau-office", "副主任"},
            {"cadre-personnel-wu", "吴涛", "personnel-office", "副处长"},
            {"cadre-discipline-zhou", "周正", DISCIPLINE_GROUP, "纪检监察员"}};

    /** Title, lead unit, lead leader, source. */
    private static final String[][] TASKS = {
            {"推进城镇老旧小区改造", "urban-renewal", "cadre-director-chen", "CENTRAL_COMMITTEE_STATE_COUNCIL"},
            {"实施城市更新行动试点", "urban-renewal", "cadre-director-chen", "CITY_PARTY_COMMITTEE_GOVERNMENT"},
            {"开展城市体检评估", "urban-renewal", "cadre-director-chen", "MINISTRY"},
            {"老旧小区加装电梯", "urban-renewal", "cadre-director-chen", "CITY_PARTY_COMMITTEE_GOVERNMENT"},
            {"历史文化街区保护修缮", "urban-renewal", "cadre-director-chen", "PARTY_GROUP_MEETING"},
            {"筹集保障性租赁住房", "housing-security", "cadre-deputy-liu", "CENTRAL_COMMITTEE_STATE_COUNCIL"},
            {"公租房分配与动态管理", "housing-security", "cadre-deputy-liu", "BUREAU_AFFAIRS_MEETING"},
            {"棚户区改造项目推进", "housing-security", "cadre-deputy-liu", "CITY_PARTY_COMMITTEE_GOVERNMENT"},
            {"住房公积金支持租购并举", "housing-service-center", "cadre-deputy-liu", "MINISTRY"},
            {"房地产市场平稳健康发展", "real-estate", "cadre-deputy-liu", "CITY_PARTY_COMMITTEE_GOVERNMENT"},
            {"保交楼专项工作", "real-estate", "cadre-deputy-liu", "CENTRAL_COMMITTEE_STATE_COUNCIL"},
            {"商品房预售资金监管", "real-estate", "cadre-deputy-liu", "DIRECTORS_DELIBERATION_MEETING"},
            {"物业服务质量提升行动", "real-estate", "cadre-deputy-liu", "PARTY_GROUP_MEETING"},
            {"建筑市场招投标专项整治", "construction-market", "cadre-deputy-zhang", "MINISTRY"},
            {"根治欠薪专项行动", "construction-market", "cadre-deputy-zhang", "CITY_PARTY_COMMITTEE_GOVERNMENT"},
            {"推广装配式建筑", "construction-market", "cadre-deputy-zhang", "MINISTRY"},
            {"建筑业企业资质动态核查", "construction-market", "cadre-deputy-zhang", "BUREAU_AFFAIRS_MEETING"},
            {"工程质量安全提升行动", "quality-safety", "cadre-deputy-zhang", "MINISTRY"},
            {"城镇燃气安全专项整治", "quality-safety", "cadre-inspector-zhou", "CENTRAL_COMMITTEE_STATE_COUNCIL"},
            {"建筑施工安全生产大检查", "quality-safety", "cadre-inspector-zhou", "CITY_PARTY_COMMITTEE_GOVERNMENT"},
            {"自建房安全专项整治", "quality-safety", "cadre-inspector-zhou", "CENTRAL_COMMITTEE_STATE_COUNCIL"},
            {"汛期房屋安全排查", "quality-safety", "cadre-inspector-zhou", "DIRECTORS_DELIBERATION_MEETING"},
            {"农村危房改造", "village-towns", "cadre-deputy-yang", "MINISTRY"},
            {"传统村落保护利用", "village-towns", "cadre-deputy-yang", "CITY_PARTY_COMMITTEE_GOVERNMENT"},
            {"美丽乡村示范建设", "village-towns", "cadre-deputy-yang", "PARTY_GROUP_MEETING"},
            {"城建档案数字化", "archives", "cadre-deputy-yang", "BUREAU_AFFAIRS_MEETING"},
            {"重点项目资金绩效评价", "planning-finance", "cadre-deputy-huang", "DIRECTORS_DELIBERATION_MEETING"},
            {"年度部门预算编制", "planning-finance", "cadre-deputy-huang", "BUREAU_AFFAIRS_MEETING"},
            {"干部教育培训计划实施", "personnel-office", "cadre-deputy-huang", "PARTY_GROUP_MEETING"},
            {"“双创双争”评选组织", "organ-party-committee", "cadre-director-chen", "PARTY_GROUP_MEETING"}};

    private static final String[] SURNAMES = {"王", "李", "赵", "孙", "钱", "吴", "郑", "冯", "何", "许", "韩", "朱"};
    private static final String[] GIVEN = {"晓明", "丽华", "建军", "海燕", "志远", "文静", "国庆", "雪梅", "振华", "思琪",
            "立新", "秀英"};


    private final CommandSender sender;
    private final OrganisationDirectory directory;
    private final EventStorageEngine events;
    private final Clock clock;
    private final boolean enabled;
    private final Map<String, Integer> commandsPerAggregate = new HashMap<>();
    private int sent;
    private int skipped;
    private int budget;

    DemoData(CommandSender sender, OrganisationDirectory directory, EventStorageEngine events, Clock clock,
             @Value("${ledger.demo.data:false}") boolean enabled) {
        this.sender = sender;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            load(Integer.MAX_VALUE);
        }
    }

    /**
     * Sends every item the store does not hold yet, at most {@code maxSent} of them (a test stops
     * a load half-way with it); answers whether the load is complete.
     */
    synchronized boolean load(int maxSent) {
        commandsPerAggregate.clear();
        sent = 0;
        skipped = 0;
        budget = maxSent;
        LocalDate today = firstStart().orElseGet(() -> BureauTime.dayOf(clock.instant()));
        YearMonth month = YearMonth.from(today);
        try {
            organisation(today.minusYears(3));
            List<TaskId> tasks = tasks(month, today);
            taskForce(today, tasks.get(18), tasks.get(48));
            correctedScore(month.minusMonths(1));
        } catch (Interrupted stopped) {
            log.info("Demo data: stopped after {} items; the next start loads the rest", sent);
            return false;
        }
        if (sent == 0) {
            log.info("Demo data: all {} items of {} already loaded; nothing sent", skipped, month);
        } else {
            log.info("Demo data of {}: {} units, {} bureau leaders, 43 cadres and 60 key tasks: {} items loaded"
                    + " now, {} were already loaded", month, UNITS.size() + 1, LEADERS.size(), sent, skipped);
        }
        return true;
    }

    /** The day an earlier start registered the first unit, if one did. */
    private Optional<LocalDate> firstStart() {
        try (var stream = events.readEvents(FIRST_UNIT, 0).asStream()) {
            return stream.findFirst().map(first -> BureauTime.dayOf(first.getTimestamp()));
        }
    }

    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super(null, null, false, false);
        }
    }

    private void organisation(LocalDate since) {
        for (UnitSpec unit : UNITS) {
            send(PERSONNEL, new RegisterUnitCommand(new UnitId(unit.id()), unit.name(), unit.kind(),
                    unit.id().equals("personnel-office"), clock.instant()), unit.id());
        }
        for (LeaderSpec leader : LEADERS) {
            // bureau leaders belong to the leadership (局领导班子), not to a division
            send(PERSONNEL, new RegisterCadreCommand(new CadreId(leader.id()), leader.name(), null, leader.title(), true,
                    since, clock.instant()), leader.id());
            send(PERSONNEL, new AppointBureauLeaderCommand(new CadreId(leader.id()), leader.title(), leader.areas(),
                    leader.personnel(), since, clock.instant()), leader.id());
        }
        // the stationed group is not a unit of the bureau: recorded apart, with the demo accounts' supervisors
        send(PERSONNEL, new RegisterUnitCommand(new UnitId(DISCIPLINE_GROUP), "驻局纪检监察组",
                UnitKind.STATIONED_DISCIPLINE_GROUP, false, clock.instant()), DISCIPLINE_GROUP);
        for (String[] person : SUPERVISORS) {
            send(PERSONNEL, new RegisterCadreCommand(new CadreId(person[0]), person[1], new UnitId(person[2]), person[3],
                    true, since, clock.instant()), person[0]);
        }
        // 34 more cadres: a head and staff for each unit; each unit's 处长 heads it from their start
        for (int i = 0; i < 34; i++) {
            UnitSpec unit = UNITS.get(i % UNITS.size());
            String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 5) % GIVEN.length];
            boolean head = i < UNITS.size();
            CadreId cadre = new CadreId("cadre-" + unit.id() + "-" + i);
            send(PERSONNEL, new RegisterCadreCommand(cadre, name, new UnitId(unit.id()), head ? "处长" : "科员",
                    i % 3 != 0, since.plusMonths(i), clock.instant()), cadre.value());
            if (head) {
                send(PERSONNEL, new AppointUnitHeadCommand(new UnitId(unit.id()), cadre, since.plusMonths(i),
                        clock.instant()), unit.id());
            }
        }
    }

    /** Due dates from ten days ago to a few weeks ahead, so the ledger shows red, yellow and green. */
    private List<TaskId> tasks(YearMonth month, LocalDate today) {
        List<TaskId> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String[] spec = TASKS[i % TASKS.length];
            String title = spec[0] + (i < TASKS.length ? "（第一阶段）" : "（第二阶段）");
            TaskId id = new TaskId("task-demo-" + month + "-" + (i + 1));
            Actor leader = new Actor(spec[2], Role.BUREAU_LEADER, null);
            LocalDate due = today.plusDays(-10 + (i * 7) % 36);
            List<UnitId> coUnits = i % 4 == 0 ? List.of(new UnitId("planning-finance")) : List.of();
            if (spec[1].equals("planning-finance")) {
                coUnits = List.of();
            }
            send(leader, new AssignTaskCommand(id, title, "按照" + TaskSource.valueOf(spec[3]).label() + "部署推进",
                    TaskSource.valueOf(spec[3]), reference(spec[3], i), new CadreId(spec[2]), new UnitId(spec[1]),
                    coUnits, due, month, clock.instant(), List.of()), id.value());
            if (i % 3 != 2) {
                Actor staff = new Actor(staffOf(spec[1]), Role.UNIT_STAFF, spec[1]);
                send(staff, new ReportProgressCommand(id, staff, 20 + (i * 13) % 80,
                        PROGRESS[i % PROGRESS.length], clock.instant(), null), id.value());
            }
            ids.add(id);
        }
        return ids;
    }

    /** The first 科员 registered in the unit (see {@link #organisation}). */
    private static String staffOf(String unit) {
        for (int u = 0; u < UNITS.size(); u++) {
            if (UNITS.get(u).id().equals(unit)) {
                return "cadre-" + unit + "-" + (u + UNITS.size());
            }
        }
        throw new IllegalArgumentException(unit);
    }

    private static final String[] PROGRESS = {"已完成前期摸底调查", "方案已报局党组审议", "项目已全部开工",
            "正在组织专家评审", "完成年度目标的一半", "资金已拨付到位", "正在协调相关部门"};

    private static String reference(String source, int i) {
        Map<String, String> prefix = new LinkedHashMap<>();
        prefix.put("CENTRAL_COMMITTEE_STATE_COUNCIL", "国办发〔2026〕");
        prefix.put("CITY_PARTY_COMMITTEE_GOVERNMENT", "市政办〔2026〕");
        prefix.put("MINISTRY", "建办〔2026〕");
        prefix.put("PARTY_GROUP_MEETING", "党组会〔2026〕");
        prefix.put("BUREAU_AFFAIRS_MEETING", "局务会〔2026〕");
        prefix.put("DIRECTORS_DELIBERATION_MEETING", "局长议事会〔2026〕");
        return prefix.getOrDefault(source, "") + (i + 1) + "号";
    }

    private void taskForce(LocalDate today, TaskId gasSafety, TaskId elevators) {
        CadreId lead = new CadreId("cadre-inspector-zhou");
        Actor leader = new Actor(lead.value(), Role.BUREAU_LEADER, null);
        TaskForceId id = new TaskForceId("tf-demo-gas-safety");
        send(leader, new FormTaskForceCommand(id, leader, "老旧燃气管网产权不清、改造资金缺口", ProblemKind.BUSINESS, "安全生产",
                lead, directory.leadFacts(lead), List.of(new UnitId("quality-safety"), new UnitId("planning-finance")),
                List.of(gasSafety, elevators), clock.instant()), id.value());
        send(leader, new RecordTaskForceMeetingCommand(id, leader, today,
                "会同燃气企业、街道逐段核实管网产权", clock.instant()), id.value());
        send(leader, new SubmitFeasibilityOpinionCommand(id, leader, "由燃气企业先行整改，财政补助三成，产权随后确认",
                clock.instant()), id.value());
        send(leader, new ReferProblemCommand(id, leader, LeadershipMeeting.PARTY_GROUP_MEETING, clock.instant()),
                id.value());
        LocalDate extended = today.plusMonths(1);
        send(OFFICE, new RecordLeadershipDecisionCommand(id, OFFICE, LeadershipMeeting.PARTY_GROUP_MEETING,
                "党组会〔2026〕18号", "同意先行整改，时限顺延一个月", new DecisionEffect(extended, null, null, false),
                clock.instant()), id.value());
    }

    /** A leader's timeliness score of last month, corrected: asked for by one member, approved by another. */
    private void correctedScore(YearMonth month) {
        ScoreId score = new ScoreId("score-demo-" + month + "-deputy-zhang");
        send(OFFICE, new RecordScoreCommand(score, OFFICE, month, new ScoreSubject(ScoreSubject.Kind.CADRE,
                "cadre-deputy-zhang"), "timeliness", new ScoreScale(0, 100), 78, "招投标整治两个节点延误", List.of(),
                clock.instant()), score.value());
        send(PARTY_COMMITTEE, new RequestScoreCorrectionCommand(score, PARTY_COMMITTEE, 86,
                "延误系省厅调整检查时间所致", clock.instant()), score.value());
        send(OFFICE, new ApproveScoreCorrectionCommand(score, OFFICE, clock.instant()), score.value());
    }

    private void send(Actor actor, Object command, String id) {
        int n = commandsPerAggregate.merge(id, 1, Integer::sum);
        if (sent >= budget) {
            throw new Interrupted();
        }
        boolean[] earlier = {false};
        sender.sendOnceAs(actor, command, id, "demo/" + id + "#" + n, () -> earlier[0] = true);
        if (earlier[0]) {
            skipped++;
        } else {
            sent++;
        }
    }
}
