package ledger.query.cadre;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ledger.kernel.shared.BureauTime;
import ledger.query.bulletin.BulletinMention;
import ledger.query.bulletin.BulletinView;

/**
 * The promotion evidence as a printable page in Chinese (A4, one table per kind of fact), for the
 * personnel office's file. Every row names the events behind it, as in the JSON.
 */
final class PrintableEvidence {

    private static final Map<String, String> OUTCOMES = Map.of("OPEN", "推进中", "COMPLETED_ON_TIME", "按期完成",
            "COMPLETED_LATE", "逾期完成", "CANCELLED", "已撤销", "MERGED", "已合并");
    private static final String LEADERSHIP = "局领导班子";
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final StringBuilder html = new StringBuilder();

    private PrintableEvidence() {
    }

    static String render(PromotionEvidenceView e, Instant printedAt) {
        return new PrintableEvidence().document(e, printedAt);
    }

    private String document(PromotionEvidenceView e, Instant printedAt) {
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .append(esc(e.name())).append(" 干部实绩材料</title><style>")
            .append("@page{size:A4;margin:18mm}body{font-family:'SimSun','Songti SC',serif;font-size:11pt;color:#000}")
            .append("h1{text-align:center;font-size:18pt}h2{font-size:13pt;border-bottom:1px solid #000;margin-top:14pt}")
            .append("table{width:100%;border-collapse:collapse;page-break-inside:auto}tr{page-break-inside:avoid}")
            .append("th,td{border:1px solid #444;padding:3pt 5pt;text-align:left;vertical-align:top}")
            .append(".ids{font-family:monospace;font-size:7pt;color:#444;word-break:break-all}.meta{color:#333}")
            .append("</style></head><body>");
        html.append("<h1>干部实绩材料（选拔任用参考）</h1>");
        html.append("<p class=\"meta\">期间：").append(e.from()).append(" 至 ").append(e.to())
            .append("　生成时间：").append(PRINTED.format(printedAt.atZone(BureauTime.ZONE)))
            .append("　依据事件位置：").append(e.asOfPosition() != null ? e.asOfPosition() : e.recordPosition())
            .append("</p>");

        section("基本情况");
        table(List.of("姓名", "单位", "职务", "政治面貌", "离开本局"), List.of(e), x -> List.of(x.name(), unit(x.unitId()),
                x.position(), x.partyMember() ? "中共党员" : "群众", x.leftBureauOn() == null ? "—" : x.leftBureauOn().toString()),
                x -> List.of());
        section("任职经历");
        table(List.of("自", "单位", "职务", "事由"), e.postings(), p -> List.of(str(p.from()), unit(p.unitId()), p.position(),
                str(p.reason())), p -> List.of(p.eventId()));
        if (e.leadership() != null) {
            section("分管工作");
            table(List.of("职务", "分管领域", "自"), List.of(e.leadership()), l -> List.of(l.title(),
                    String.join("、", l.areasInCharge()), str(l.effectiveOn())), l -> List.of(l.eventId()));
        }
        section("牵头重点任务（牵头领导）");
        summary(e.taskSummary());
        tasks(e.tasksLed());
        section("牵头处室任务（牵头处室负责人）");
        table(List.of("处室", "任职自", "至"), e.unitHeadships(), h -> List.of(h.unitId(), str(h.from()),
                h.endedOn() == null ? "今" : h.endedOn().minusDays(1).toString()), CadreRecordView.UnitHeadship::eventIds);
        if (!e.unitHeadships().isEmpty()) {
            summary(e.unitHeadTaskSummary());
            tasks(e.tasksLedAsUnitHead());
        }
        section("督查评分");
        table(List.of("维度", "次数", "平均分", "分值范围"), e.scoreAverages(), a -> List.of(a.dimension(),
                Integer.toString(a.count()), a.average().toPlainString(), a.scaleMin() + "–" + a.scaleMax()), a -> List.of());
        table(List.of("月份", "维度", "得分", "更正"), e.scores(), x -> List.of(x.month(), x.dimension(),
                Integer.toString(x.value()), x.originalValue() == null ? "—"
                        : "原为 " + x.originalValue() + "（" + x.correctionReason() + "）"), CadreRecordView.ScoreItem::eventIds);
        section("年度考核");
        table(List.of("期间", "等次", "更正"), e.assessments(), a -> List.of(a.period(), a.gradeLabel(),
                a.originalGrade() == null ? "—" : "原为 " + a.originalGrade() + "（" + a.correctionReason() + "）"),
                CadreRecordView.AssessmentItem::eventIds);
        section("表彰奖励");
        table(List.of("年度", "奖项", "事迹"), e.awards(), a -> List.of(Integer.toString(a.year()), a.awardLabel(),
                str(a.citation())), a -> List.of(a.eventId()));
        section("一线工作表现");
        table(List.of("日期", "类别", "任务", "表现"), e.frontLine(), f -> List.of(str(f.on()), f.kindLabel(), f.taskId(),
                f.performance()), f -> List.of(f.eventId()));
        section("督查通报");
        table(List.of("月份", "类别", "内容（通报原文）", "更正"), concat(e.highlights(), e.problems()), m -> List.of(m.month(),
                "HIGHLIGHT".equals(m.kind()) ? "工作亮点" : "存在问题", m.text(), errata(m.errata())),
                BulletinMention::eventIds);
        section("失误与容错纠错");
        table(List.of("日期", "失误", "容错认定"), e.mistakes(), m -> List.of(str(m.occurredOn()), m.description(),
                m.excusedBy() == null ? "未予容错" : "予以容错：" + m.excusedBy().partyGroupDecisionRef() + "（"
                        + m.excusedBy().experimentVersusViolation() + "；" + m.excusedBy().publicVersusPrivate() + "；"
                        + m.excusedBy().unawareVersusKnowing() + "）"), CadreRecordView.MistakeItem::eventIds);
        section("事实依据");
        html.append("<p>本材料依据以下 ").append(e.eventIds().size())
            .append(" 个事件生成，均可在审计接口中逐一核验：</p><p class=\"ids\">")
            .append(esc(String.join(" ", e.eventIds()))).append("</p></body></html>");
        return html.toString();
    }

    /** The summary of the tasks answered for in one capacity, named as such. */
    private void summary(PromotionEvidenceView.TaskSummary s) {
        html.append("<p>作为").append(esc(s.roleLabel())).append("：").append(s.led()).append(" 项，按期完成 ")
            .append(s.completedOnTime()).append("，逾期完成 ").append(s.completedLate()).append("，推进中 ").append(s.open())
            .append("，撤销或合并 ").append(s.cancelledOrMerged()).append("；曾提级协调 ").append(s.escalated())
            .append("，曾逾期 ").append(s.deadlineMissed()).append("。</p>");
    }

    private void tasks(List<CadreRecordView.TaskLed> tasks) {
        table(List.of("月份", "任务", "牵头处室", "完成时限", "结果", "提级", "逾期"), tasks, t -> List.of(t.ledgerMonth(),
                t.title(), str(t.leadUnitId()), str(t.dueDate()), OUTCOMES.getOrDefault(t.outcome(), t.outcome()),
                t.escalated() ? "是" : "否", t.deadlineMissed() ? "是" : "否"), CadreRecordView.TaskLed::eventIds);
    }

    /** Each erratum beside the entry as published: the correction and its reason. */
    private static String errata(List<BulletinView.Erratum> errata) {
        if (errata.isEmpty()) {
            return "—";
        }
        return String.join("；", errata.stream().map(x -> "更正为：" + x.correction() + "（理由：" + x.reason() + "）")
                .toList());
    }

    private void section(String title) {
        html.append("<h2>").append(title).append("</h2>");
    }

    private <T> void table(List<String> headings, List<T> rows, Function<T, List<String>> cells,
                           Function<T, List<String>> eventIds) {
        if (rows.isEmpty()) {
            html.append("<p>（本期间无）</p>");
            return;
        }
        html.append("<table><tr>");
        headings.forEach(h -> html.append("<th>").append(h).append("</th>"));
        html.append("<th>事件</th></tr>");
        for (T row : rows) {
            html.append("<tr>");
            cells.apply(row).forEach(c -> html.append("<td>").append(esc(c)).append("</td>"));
            html.append("<td class=\"ids\">").append(esc(String.join(" ", eventIds.apply(row)))).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A bureau leader serves in the bureau's leadership, not in a unit. */
    private static String unit(String unitId) {
        return unitId == null ? LEADERSHIP : unitId;
    }

    private static String str(Object value) {
        return value == null ? "—" : value.toString();
    }

    /** Everything printed comes from user input somewhere: escape it all. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
