package ledger.command.web.journey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sheets of a PDF that Chromium printed, read from its page objects (their sizes in points). */
record PrintedPages(List<double[]> sizes) {

    // Chromium writes each page object's dictionary, with its MediaBox, uncompressed
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");
    private static final Pattern MEDIA_BOX = Pattern.compile(
            "/MediaBox\\s*\\[\\s*0\\s+0\\s+([\\d.]+)\\s+([\\d.]+)\\s*]");
    /** A4 in points, with a point of slack for rounding. */
    private static final double A4_SHORT = 595.3;
    private static final double A4_LONG = 841.9;

    static PrintedPages of(byte[] pdf) {
        List<double[]> sizes = new ArrayList<>();
        for (String object : new String(pdf, StandardCharsets.ISO_8859_1).split("endobj")) {
            Matcher box = MEDIA_BOX.matcher(object);
            if (PAGE.matcher(object).find() && box.find()) {
                sizes.add(new double[] {Double.parseDouble(box.group(1)), Double.parseDouble(box.group(2))});
            }
        }
        return new PrintedPages(List.copyOf(sizes));
    }

    int count() {
        return sizes.size();
    }

    boolean allA4Portrait() {
        return !sizes.isEmpty() && sizes.stream().allMatch(s -> near(s[0], A4_SHORT) && near(s[1], A4_LONG));
    }

    boolean allA4Landscape() {
        return !sizes.isEmpty() && sizes.stream().allMatch(s -> near(s[0], A4_LONG) && near(s[1], A4_SHORT));
    }

    @Override
    public String toString() {
        return sizes.stream().map(s -> s[0] + "×" + s[1]).toList().toString();
    }

    private static boolean near(double points, double expected) {
        return Math.abs(points - expected) < 1.5;
    }
}
