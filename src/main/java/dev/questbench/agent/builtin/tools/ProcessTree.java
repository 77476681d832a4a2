package dev.questbench.agent.builtin.tools;

import java.util.List;

/**
 * Stops a command with everything it started. Known limit: a process that detached itself (double fork and
 * {@code setsid}) before the stop has left the tree and keeps running.
 */
final class ProcessTree {
    private ProcessTree() {
    }

    static void kill(Process process) {
        // Take the tree first: once the shell is gone its children belong to init and cannot be found from here.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly(); // first, so the shell starts nothing new
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
