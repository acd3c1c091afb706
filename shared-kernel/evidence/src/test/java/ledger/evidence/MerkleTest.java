package ledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MerkleTest {

    /** RFC 6962 by the letter, written independently of the code under test. */
    private static byte[] naiveRoot(List<byte[]> leaves) throws Exception {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 1);
        sha.update(naiveRoot(leaves.subList(0, k)));
        sha.update(naiveRoot(leaves.subList(k, leaves.size())));
        return sha.digest();
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            leaves.add(Merkle.leafHash("{\"position\":" + i + "}"));
        }
        return leaves;
    }

    /** Grows a tree leaf by leaf, keeping every completed node as a store would. */
    private static Map<String, byte[]> grow(List<byte[]> leaves, Frontier frontier) {
        Map<String, byte[]> nodes = new HashMap<>();
        for (byte[] leaf : leaves) {
            for (Frontier.Node node : frontier.append(leaf)) {
                nodes.put(node.level() + "/" + node.index(), node.hash());
            }
        }
        return nodes;
    }

    /** The tree as the notary stores it: every completed node, read back by level and index. */
    private static Merkle.SubtreeHashes storedTree(List<byte[]> leaves) {
        Map<String, byte[]> nodes = grow(leaves, new Frontier());
        return Merkle.fromNodes((level, index) -> nodes.get(level + "/" + index));
    }

    @Test
    void hashes_leaves_and_nodes_with_the_rfc_6962_prefixes() {
        assertThat(Merkle.hex(Merkle.leafHash("")))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        byte[] a = Merkle.leafHash("a");
        assertThat(Merkle.nodeHash(a, a)).isNotEqualTo(Merkle.leafHash(Merkle.hex(a) + Merkle.hex(a)));
    }

    @Test
    void the_root_of_every_size_from_1_to_70_equals_the_naive_recomputation() throws Exception {
        List<byte[]> all = leaves(70);
        Frontier frontier = new Frontier();
        Map<String, byte[]> nodes = new HashMap<>();
        for (int n = 1; n <= 70; n++) {
            for (Frontier.Node node : frontier.append(all.get(n - 1))) {
                nodes.put(node.level() + "/" + node.index(), node.hash());
            }
            byte[] expected = naiveRoot(all.subList(0, n));
            assertThat(frontier.root()).as("frontier root of %d", n).isEqualTo(expected);
            assertThat(Merkle.fromNodes((level, index) -> nodes.get(level + "/" + index)).hash(0, n))
                    .as("root of %d from stored nodes", n).isEqualTo(expected);
            assertThat(Frontier.restore(n, (level, index) -> nodes.get(level + "/" + index)).root())
                    .as("restored frontier of %d", n).isEqualTo(expected);
        }
    }

    @Test
    void a_restored_frontier_grows_exactly_like_the_original() {
        List<byte[]> all = leaves(45);
        Map<String, byte[]> nodes = grow(all.subList(0, 29), new Frontier());
        Frontier restored = Frontier.restore(29, (level, index) -> nodes.get(level + "/" + index));
        Map<String, byte[]> more = grow(all.subList(29, 45), restored);
        Map<String, byte[]> whole = grow(all, new Frontier());
        more.forEach((id, hash) -> assertThat(whole.get(id)).as(id).isEqualTo(hash));
        assertThat(nodes.size() + more.size()).isEqualTo(whole.size());
    }

    @Test
    void every_leaf_of_every_size_up_to_40_has_an_inclusion_proof_that_checks_and_nothing_else_does() throws Exception {
        List<byte[]> all = leaves(40);
        Merkle.SubtreeHashes stored = storedTree(all);
        for (int size = 1; size <= 40; size++) {
            byte[] root = naiveRoot(all.subList(0, size));
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = Merkle.inclusionProof(stored, index, size);
                assertThat(proof).usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(Merkle.inclusionProof(Merkle.fromLeaves(all), index, size));
                assertThat(Merkle.verifyInclusion(index, size, all.get(index), proof, root))
                        .as("leaf %d of %d", index, size).isTrue();
                if (size > 1) {
                    int other = (index + 1) % size;
                    assertThat(Merkle.verifyInclusion(other, size, all.get(index), proof, root))
                            .as("leaf %d claimed at %d of %d", index, other, size).isFalse();
                    assertThat(Merkle.verifyInclusion(index, size, all.get(other), proof, root)).isFalse();
                    List<byte[]> forged = new ArrayList<>(proof);
                    forged.set(forged.size() - 1, all.get(0).clone());
                    forged.get(forged.size() - 1)[0] ^= 1;
                    assertThat(Merkle.verifyInclusion(index, size, all.get(index), forged, root)).isFalse();
                    assertThat(Merkle.verifyInclusion(index, size, all.get(index), proof.subList(1, proof.size()), root))
                            .isFalse();
                }
                assertThat(Merkle.verifyInclusion(index, index, all.get(index), proof, root)).isFalse();
            }
        }
    }

    @Test
    void every_pair_of_sizes_up_to_40_has_a_consistency_proof_that_checks_and_a_rewritten_log_fails() throws Exception {
        List<byte[]> all = leaves(40);
        Merkle.SubtreeHashes stored = storedTree(all);
        for (int second = 1; second <= 40; second++) {
            byte[] secondRoot = naiveRoot(all.subList(0, second));
            for (int first = 1; first <= second; first++) {
                byte[] firstRoot = naiveRoot(all.subList(0, first));
                List<byte[]> proof = Merkle.consistencyProof(stored, first, second);
                assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d -> %d", first, second).isTrue();
                List<byte[]> rewritten = new ArrayList<>(all.subList(0, second));
                rewritten.set(first - 1, Merkle.leafHash("rewritten"));
                assertThat(Merkle.verifyConsistency(first, second, firstRoot, naiveRoot(rewritten), proof))
                        .as("rewritten %d -> %d", first, second).isFalse();
                if (!proof.isEmpty()) {
                    List<byte[]> forged = new ArrayList<>(proof);
                    forged.set(0, Merkle.leafHash("forged"));
                    assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, forged)).isFalse();
                }
            }
        }
    }
}
