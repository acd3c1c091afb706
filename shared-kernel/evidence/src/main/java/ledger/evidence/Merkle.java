package ledger.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 / RFC 9162 over the log's entries, leaf {@code i} holding position
 * {@code i + 1}. Leaves and interior nodes are hashed with different prefixes, so a node can never
 * pass for an entry. Proofs are built from any source of subtree hashes (stored nodes, or a list
 * of leaves) and checked with nothing but the hashes.
 */
public final class Merkle {

    public static final int HASH_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private Merkle() {
    }

    /** The hash of {@code MTH(D[start:end])}, the tree over leaves {@code start} (inclusive) to {@code end}. */
    @FunctionalInterface
    public interface SubtreeHashes {
        byte[] hash(long start, long end);
    }

    public static byte[] leafHash(String canonicalEntry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(canonicalEntry.getBytes(StandardCharsets.UTF_8));
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] unhex(String hex) {
        byte[] bytes = HEX.parseHex(hex);
        if (bytes.length != HASH_BYTES) {
            throw new IllegalArgumentException("a hash has " + HASH_BYTES + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** The largest power of two strictly below {@code n} (n at least 2): where RFC 6962 splits a tree. */
    public static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    // ------------------------------------------------------------------ building proofs

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves (RFC 6962 2.1.1). */
    public static List<byte[]> inclusionProof(SubtreeHashes tree, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        long start = 0;
        long end = size;
        List<byte[]> reversed = new ArrayList<>();
        while (end - start > 1) {
            long k = split(end - start);
            if (index - start < k) {
                reversed.add(tree.hash(start + k, end));
                end = start + k;
            } else {
                reversed.add(tree.hash(start, start + k));
                start = start + k;
            }
        }
        return reverse(reversed);
    }

    /** The proof that the tree of {@code first} leaves is a prefix of the tree of {@code second} (RFC 6962 2.1.2). */
    public static List<byte[]> consistencyProof(SubtreeHashes tree, long first, long second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> reversed = new ArrayList<>();
        long m = first;
        long start = 0;
        long end = second;
        boolean complete = true;
        while (m != end - start) {
            long k = split(end - start);
            if (m <= k) {
                reversed.add(tree.hash(start + k, end));
                end = start + k;
            } else {
                reversed.add(tree.hash(start, start + k));
                start = start + k;
                m -= k;
                complete = false;
            }
        }
        if (!complete) {
            reversed.add(tree.hash(start, end));
        }
        return reverse(reversed);
    }

    private static List<byte[]> reverse(List<byte[]> outermostFirst) {
        List<byte[]> path = new ArrayList<>(outermostFirst.size());
        for (int i = outermostFirst.size() - 1; i >= 0; i--) {
            path.add(outermostFirst.get(i));
        }
        return path;
    }

    // ------------------------------------------------------------------ checking proofs (RFC 9162 2.1.3.2, 2.1.4.2)

    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> path) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> proof = new ArrayList<>(path);
        if (Long.bitCount(first) == 1) {
            proof.add(0, firstRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = proof.get(0);
        byte[] sr = proof.get(0);
        for (byte[] c : proof.subList(1, proof.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** A stored node: the root of the perfect subtree of leaves {@code [index * 2^level, (index + 1) * 2^level)}. */
    @FunctionalInterface
    public interface PerfectNodes {
        byte[] node(int level, long index);
    }

    /**
     * Subtree hashes from stored perfect subtrees: every left part RFC 6962 splits off is perfect,
     * and a right edge decomposes into at most log2(n) of them, so any hash costs O(log n) nodes.
     */
    public static SubtreeHashes fromNodes(PerfectNodes nodes) {
        return new SubtreeHashes() {
            @Override
            public byte[] hash(long start, long end) {
                long n = end - start;
                if (Long.bitCount(n) == 1 && start % n == 0) {
                    return nodes.node(Long.numberOfTrailingZeros(n), start / n);
                }
                long k = split(n);
                return nodeHash(hash(start, start + k), hash(start + k, end));
            }
        };
    }

    /** Subtree hashes computed from all the leaves: the plain definition, for small trees. */
    public static SubtreeHashes fromLeaves(List<byte[]> leaves) {
        return new SubtreeHashes() {
            @Override
            public byte[] hash(long start, long end) {
                if (end - start == 1) {
                    return leaves.get((int) start);
                }
                long k = split(end - start);
                return nodeHash(hash(start, start + k), hash(start + k, end));
            }
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
