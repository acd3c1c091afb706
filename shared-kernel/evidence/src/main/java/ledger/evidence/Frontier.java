package ledger.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the roots of its perfect subtrees, largest first (at most
 * 64). Appending a leaf completes zero or more perfect subtrees; each is handed back so a store
 * can keep it, which makes every later proof a matter of O(log n) stored nodes.
 */
public final class Frontier {

    /** A completed perfect subtree: leaves {@code [index * 2^level, (index + 1) * 2^level)}. */
    public record Node(int level, long index, byte[] hash) {
    }

    private final List<Node> stack = new ArrayList<>();
    private long size;

    public Frontier() {
    }

    /** The frontier of a tree of {@code size} leaves, from its stored perfect subtrees. */
    public static Frontier restore(long size, Merkle.PerfectNodes nodes) {
        Frontier frontier = new Frontier();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                frontier.stack.add(new Node(level, start >> level, nodes.node(level, start >> level)));
                start += 1L << level;
            }
        }
        frontier.size = size;
        return frontier;
    }

    public long size() {
        return size;
    }

    /** Adds the next leaf; returns the nodes it completed, the leaf itself first. */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>(2);
        Node node = new Node(0, size, leafHash);
        completed.add(node);
        while (!stack.isEmpty() && stack.get(stack.size() - 1).level() == node.level()) {
            Node left = stack.remove(stack.size() - 1);
            node = new Node(left.level() + 1, left.index() >> 1, Merkle.nodeHash(left.hash(), node.hash()));
            completed.add(node);
        }
        stack.add(node);
        size++;
        return completed;
    }

    /** The root hash of the tree so far (RFC 6962's MTH of all leaves). */
    public byte[] root() {
        if (size == 0) {
            throw new IllegalStateException("an empty tree has no root");
        }
        byte[] root = stack.get(stack.size() - 1).hash();
        for (int i = stack.size() - 2; i >= 0; i--) {
            root = Merkle.nodeHash(stack.get(i).hash(), root);
        }
        return root;
    }
}
