package dev.questbench.agent.builtin.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BashToolTest {
    @TempDir
    Path temp;

    @Test
    void nonZeroExitIsAResultNotAnError() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        ToolOutput out = f.run(new BashTool(), "command", "echo out; echo err >&2; exit 3");
        assertFalse(out.isError());
        assertEquals("out\nerr\nExit code: 3", out.text());
    }

    @Test
    void runsInTheWorkspaceWithQuietEnvironmentAndNoInput() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        String text = f.run(new BashTool(), "command",
                "pwd; echo $TERM $PAGER $GIT_PAGER $GIT_TERMINAL_PROMPT; cat; echo after-cat").text();
        assertEquals(f.workspace + "\ndumb cat cat 0\nafter-cat\nExit code: 0", text);
    }

    @Test
    void malformedUtf8IsReplaced() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        String text = f.run(new BashTool(), "command", "printf 'caf\\xe9 ok\\n'").text();
        assertEquals("caf\uFFFD ok\nExit code: 0", text);
    }

    @Test
    void outputStreamsToProgressInOrderWhileTheCommandRuns() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        List<String> chunks = new CopyOnWriteArrayList<>();
        ToolContext context = new ToolContext(f.workspace, f.cancel, chunk -> {
            chunks.add(chunk);
            arrivals.add(System.nanoTime());
        }, null, ToolLimits.DEFAULT);
        ToolOutput out = new BashTool().run(ToolFixture.input("command", "echo one; sleep 0.6; echo two"), context);
        long finished = System.nanoTime();
        assertEquals("one\ntwo\n", String.join("", chunks));
        assertEquals("one\n", chunks.get(0));
        assertTrue(finished - arrivals.get(0) > TimeUnit.MILLISECONDS.toNanos(400),
                "the first line arrived only at the end");
        assertEquals("one\ntwo\nExit code: 0", out.text());
    }

    @Test
    void longOutputKeepsHeadAndTailAndTheWholeGoesToABlob() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        ToolOutput out = new BashTool().run(ToolFixture.input("command", "seq 1 100000"),
                f.context(ToolFixture.withOutputMax(2000)));
        assertTrue(out.text().length() < 2100, "length " + out.text().length());
        assertTrue(out.text().startsWith("1\n2\n3\n"));
        assertTrue(out.text().endsWith("99999\n100000\nExit code: 0"), out.text());
        assertTrue(out.text().contains(" bytes omitted; full output in blob blob-0 …"), out.text());
        assertEquals("blob-0", out.blobRef());
        String full = new String(f.blobs.get("blob-0"), StandardCharsets.UTF_8);
        assertEquals(100000, full.lines().count());
        assertFalse(out.isError());
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        String command = "sleep 30 & echo $! > pids; (sleep 30 & echo $! >> pids; wait) & echo $! >> pids; "
                + "sleep 30; wait";
        long start = System.nanoTime();
        ToolOutput out = f.run(new BashTool(), "command", command, "timeout", 1000);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "returned late");
        assertTrue(out.isError());
        assertTrue(out.text().endsWith("Command timed out after 1 s and was stopped."), out.text());
        List<Long> pids = Files.readAllLines(f.workspace.resolve("pids")).stream().map(Long::parseLong).toList();
        assertEquals(3, pids.size());
        for (long pid : pids) {
            assertTrue(eventuallyGone(pid), "process " + pid + " survived the timeout");
        }
    }

    @Test
    void cancelStopsTheCommandPromptly() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        CompletableFuture<ToolOutput> running = CompletableFuture.supplyAsync(() -> {
            try {
                return f.run(new BashTool(), "command", "echo started; sleep 30 & echo $! > pid; wait");
            } catch (ToolException e) {
                throw new IllegalStateException(e);
            }
        });
        Path pidFile = f.workspace.resolve("pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((!Files.exists(pidFile) || Files.size(pidFile) == 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long cancelledAt = System.nanoTime();
        f.cancel.cancel();
        ToolOutput out = running.get(3, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - cancelledAt < TimeUnit.MILLISECONDS.toNanos(2500), "stopped late");
        assertTrue(out.isError());
        assertEquals("started\nStopped by the user.", out.text());
        assertTrue(eventuallyGone(Long.parseLong(Files.readString(pidFile).trim())));
    }

    @Test
    void timeoutIsCappedAtTheMaximum() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        ToolLimits d = ToolLimits.DEFAULT;
        ToolLimits limits = new ToolLimits(d.readMaxBytes(), d.outputMaxChars(), d.bashDefaultTimeout(),
                Duration.ofMillis(500), d.webFetchMaxBytes(), true, false);
        ToolOutput out = new BashTool().run(ToolFixture.input("command", "sleep 10", "timeout", 600_000),
                f.context(limits));
        assertTrue(out.text().contains("timed out after 0.5 s"), out.text());
    }

    @Test
    void backgroundProcessesDoNotHoldTheResult() throws Exception {
        ToolFixture f = new ToolFixture(temp);
        long start = System.nanoTime();
        ToolOutput out = f.run(new BashTool(), "command", "(sleep 3; echo late) & echo early");
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(2500), "waited for the background job");
        assertTrue(out.text().startsWith("early\n"), out.text());
        assertFalse(out.text().lines().anyMatch("late"::equals), out.text());
        assertTrue(out.text().endsWith("Exit code: 0"), out.text());
    }

    @Test
    void missingCommandIsNamed() {
        ToolFixture f = new ToolFixture(temp);
        ToolException e = org.junit.jupiter.api.Assertions.assertThrows(ToolException.class,
                () -> f.run(new BashTool(), "description", "nothing"));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("'command'"));
    }

    /** Gone, or a zombie waiting for init to reap it (it no longer runs). */
    static boolean eventuallyGone(long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!running(pid)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static boolean running(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            try {
                String text = Files.readString(stat);
                char state = text.charAt(text.lastIndexOf(')') + 2);
                return state != 'Z' && state != 'X';
            } catch (Exception e) {
                return false; // vanished between the checks
            }
        }
        return false;
    }
}
