package dev.questbench.agent.builtin.tools;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A command's output bytes, bounded: the first {@value #KEEP_BYTES} bytes and, beyond that, the last
 * {@value #TAIL_BYTES}, so a runaway command cannot exhaust memory.
 */
final class OutputCapture {
    static final int KEEP_BYTES = 16 * 1024 * 1024;
    static final int TAIL_BYTES = 1024 * 1024;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final byte[] tail = new byte[TAIL_BYTES];
    private int tailEnd;
    private boolean tailWrapped;
    private long total;

    synchronized void add(byte[] bytes, int offset, int length) {
        total += length;
        int keep = Math.min(length, KEEP_BYTES - kept.size());
        kept.write(bytes, offset, keep);
        int from = offset + keep;
        int remaining = length - keep;
        if (remaining >= TAIL_BYTES) { // only the last TAIL_BYTES of this chunk can survive
            from += remaining - TAIL_BYTES;
            remaining = TAIL_BYTES;
        }
        while (remaining > 0) {
            int n = Math.min(remaining, TAIL_BYTES - tailEnd);
            System.arraycopy(bytes, from, tail, tailEnd, n);
            tailEnd += n;
            from += n;
            remaining -= n;
            if (tailEnd == TAIL_BYTES) {
                tailEnd = 0;
                tailWrapped = true;
            }
        }
    }

    synchronized long total() {
        return total;
    }

    /** True when the middle of the output was dropped. */
    synchronized boolean overflowed() {
        return total > KEEP_BYTES;
    }

    /** Everything kept: the whole output, or its head, a marker and its tail. */
    synchronized byte[] bytes() {
        if (!overflowed()) {
            return kept.toByteArray();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(KEEP_BYTES + TAIL_BYTES + 100);
        all.writeBytes(kept.toByteArray());
        int tailLength = tailWrapped ? TAIL_BYTES : tailEnd;
        long dropped = total - KEEP_BYTES - tailLength;
        all.writeBytes(("\n… " + dropped + " bytes were not kept …\n").getBytes(StandardCharsets.UTF_8));
        if (tailWrapped) {
            all.write(tail, tailEnd, TAIL_BYTES - tailEnd);
        }
        all.write(tail, 0, tailEnd);
        return all.toByteArray();
    }
}
