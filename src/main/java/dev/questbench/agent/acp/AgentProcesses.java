package dev.questbench.agent.acp;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every agent and terminal process Questbench started, so none outlives the app: one shutdown hook destroys
 * whatever is still alive when the JVM exits (also on Ctrl+C or a window close that skips clean-up).
 */
final class AgentProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private AgentProcesses() {
    }

    static void track(Process process) {
        hookOnce();
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
    }

    /** Destroys the process and everything it started. */
    static void kill(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        LIVE.remove(process);
    }

    static int liveCount() {
        return LIVE.size();
    }

    private static synchronized void hookOnce() {
        if (hooked) {
            return;
        }
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(LIVE).forEach(AgentProcesses::kill),
                "questbench-agent-reaper"));
    }
}
