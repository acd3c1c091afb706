package ledger.query.web;

import java.time.Instant;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import ledger.evidence.EvidencePackage;
import ledger.evidence.Merkle;

/**
 * The verification code at the foot of a printed page (核验码): its evidence package's digest and the signed
 * checkpoint the package is anchored to, as text and as a QR code. Whoever holds the paper downloads the
 * package (or is handed it), runs the offline verifier on it and compares the digest it prints with the
 * paper's; the checkpoint's tree size and root hash are found in the exported checkpoints.
 */
public record VerificationCode(String subject, String digest, long treeSize, String rootHash, Instant checkpointTime) {

    public static VerificationCode of(EvidencePackage evidence) {
        return new VerificationCode(evidence.subject(), evidence.digest(), evidence.checkpoint().treeSize(),
                Merkle.hex(evidence.checkpoint().rootHash()), evidence.checkpoint().time());
    }

    /** What the QR code holds: one line a phone shows as it is. */
    public String text() {
        return "ledger-evidence " + subject + " digest=" + digest + " checkpoint=" + treeSize + ":" + rootHash;
    }

    /** The digest in groups of eight, to read aloud or compare by eye. */
    public String grouped() {
        return group(digest);
    }

    public String groupedRoot() {
        return group(rootHash);
    }

    private static String group(String hex) {
        return String.join(" ", hex.split("(?<=\\G.{8})"));
    }

    /**
     * The QR code as SVG: one path of unit squares, drawn on the server, so the page needs no script and
     * the strict content security policy stays as it is.
     */
    public String svg() {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text(), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("a verification code of " + text().length() + " characters", e);
        }
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\" width=\""
                + width * 4 + "\" height=\"" + height * 4 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
