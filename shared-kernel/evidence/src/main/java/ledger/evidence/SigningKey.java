package ledger.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notary's Ed25519 key pair (JDK built-in). The key file holds the private key (PKCS#8) and
 * the public key (X.509), both PEM, because the JDK cannot derive one from the other. Public keys
 * travel as PEM too, so auditors can also check a signature with OpenSSL.
 */
public final class SigningKey {

    private static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no Ed25519", e);
        }
    }

    /** Reads the key file, or creates it (owner-only where the file system allows) when there is none. */
    public static SigningKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(Files.readString(file, StandardCharsets.US_ASCII));
        }
        SigningKey key = generate();
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file's own protection below has to do
            }
        }
        Path temp = Files.createTempFile(dir, ".ledger-audit-key", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the directory's own protection has to do
        }
        Files.writeString(temp, key.toPem(), StandardCharsets.US_ASCII);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    static SigningKey read(String pem) {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
            switch (m.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                default -> throw new IllegalArgumentException("unexpected PEM block " + m.group(1));
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IllegalArgumentException("the key file needs a PRIVATE KEY and a PUBLIC KEY block");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            return new SigningKey(factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer)),
                    factory.generatePublic(new X509EncodedKeySpec(publicDer)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key file does not hold an Ed25519 key pair", e);
        }
    }

    String toPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded()) + publicKeyPem();
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** An unchained checkpoint (format 1). */
    public Checkpoint sign(long treeSize, byte[] rootHash, Instant time) {
        return new Checkpoint(treeSize, rootHash, time, keyId,
                signature(Checkpoint.signedText(treeSize, rootHash, time, keyId)));
    }

    /** A chained checkpoint (format 2): {@code previous} is the hash of the checkpoint before, null for the first. */
    public Checkpoint sign(long treeSize, byte[] rootHash, Instant time, byte[] previous, long sealedFrom) {
        return new Checkpoint(treeSize, rootHash, time, keyId, previous, sealedFrom,
                signature(Checkpoint.signedText(treeSize, rootHash, time, keyId, previous, sealedFrom)));
    }

    /** The writer's seal over a commit's leaves, the first at {@code firstPosition}. */
    public Seal seal(long firstPosition, List<byte[]> leaves, Instant writtenAt) {
        return new Seal(keyId, writtenAt, firstPosition, leaves,
                signature(Seal.signedText(keyId, writtenAt, firstPosition, leaves)));
    }

    private byte[] signature(String text) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign", e);
        }
    }

    /** Whether {@code key} signed this checkpoint's statement. */
    public static boolean verify(Checkpoint checkpoint, PublicKey key) {
        return verify(checkpoint.signedBytes(), checkpoint.signature(), key);
    }

    /** Whether {@code key} made this seal. */
    public static boolean verify(Seal seal, PublicKey key) {
        return verify(seal.signedBytes(), seal.signature(), key);
    }

    private static boolean verify(byte[] text, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(text);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The first 16 bytes of SHA-256 over the public key's X.509 encoding, in hex. */
    public static String keyId(PublicKey key) {
        return Merkle.hex(Arrays.copyOf(Merkle.sha256().digest(key.getEncoded()), 16));
    }

    public static PublicKey publicKeyFromPem(String pem) {
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("PUBLIC KEY")) {
                try {
                    return KeyFactory.getInstance(ALGORITHM).generatePublic(
                            new X509EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(2).strip())));
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("not an Ed25519 public key", e);
                }
            }
        }
        throw new IllegalArgumentException("no PUBLIC KEY block");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
