package dev.questbench.agent.builtin.permission;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shell commands that always ask, even under a broad allow rule (not in bypass mode): deletes outside the
 * workspace, {@code sudo}, recursive {@code chmod}/{@code chown}, {@code dd}, disk, network and power commands,
 * force pushes, {@code git reset --hard}, {@code git clean -f}, downloads piped into a shell, writes into
 * {@code .git/}, {@code DROP TABLE} and fork bombs. It looks through wrappers, env prefixes, every part of a
 * compound command and {@code bash -c} scripts.
 */
public final class RiskyCommands {
    private static final int MAX_DEPTH = 4;
    private static final Set<String> AS_OTHER_USER = Set.of("sudo", "su", "doas", "pkexec", "run0");
    private static final Set<String> DELETERS = Set.of("rm", "rmdir", "shred", "unlink", "srm");
    private static final Set<String> DISKS = Set.of("fdisk", "sfdisk", "gdisk", "cfdisk", "parted", "wipefs",
            "mount", "umount", "swapon", "swapoff", "mkswap", "losetup", "cryptsetup", "mke2fs", "tune2fs");
    private static final Set<String> SYSTEM = Set.of("ip", "ifconfig", "iptables", "ip6tables", "nft", "route",
            "nmcli", "ufw", "firewall-cmd", "netplan", "systemctl", "service", "sysctl");
    private static final Set<String> POWER = Set.of("shutdown", "reboot", "halt", "poweroff");
    private static final Set<String> COPIERS = Set.of("cp", "mv", "install", "ln", "touch", "truncate");
    private static final Set<String> DOWNLOADERS = Set.of("curl", "wget");
    private static final Pattern DROP = Pattern.compile("(?i)\\bdrop\\s+(table|database|schema)\\b");
    private static final Pattern FORK_BOMB = Pattern.compile("(:|[A-Za-z_]\\w*)\\(\\)\\{\\1\\|\\1&\\};?\\1");
    private static final Pattern RUN_DOWNLOAD = Pattern.compile("(<\\(|\\$\\(|`)\\s*(sudo\\s+)?(curl|wget)\\b");
    private static final Pattern DISK_DEVICE = Pattern.compile("/dev/(sd|hd|vd|xvd|nvme|mmcblk|disk|md|dm-).*");

    private RiskyCommands() {
    }

    /** Why this command always needs approval, or empty when it is not risky. */
    public static Optional<String> classify(String command, Path workspace) {
        if (command == null || command.isBlank()) {
            return Optional.empty();
        }
        DeletionTargets deletions = new DeletionTargets(workspace);
        Path cwd = workspace == null ? null : workspace.toAbsolutePath().normalize();
        return new Scan(deletions).command(command, cwd, 0);
    }

    private record Scan(DeletionTargets deletions) {
        Optional<String> command(String command, Path cwd, int depth) {
            if (depth > MAX_DEPTH) {
                return Optional.empty();
            }
            if (FORK_BOMB.matcher(command.replaceAll("\\s+", "")).find()) {
                return Optional.of("a fork bomb: it starts processes until the machine stalls");
            }
            if (DROP.matcher(command).find()) {
                return Optional.of("drops a database table or database (DROP TABLE/DATABASE)");
            }
            List<ShellCommand.Segment> segments = ShellCommand.parse(command);
            Optional<String> piped = downloadPipedIntoShell(segments);
            if (piped.isPresent()) {
                return piped;
            }
            Path here = cwd;
            for (ShellCommand.Segment segment : segments) {
                Optional<String> reason = segment(segment, here, depth);
                if (reason.isPresent()) {
                    return reason;
                }
                here = changedFolder(segment, here);
            }
            return Optional.empty();
        }

        private Optional<String> segment(ShellCommand.Segment segment, Path cwd, int depth) {
            for (ShellCommand.Redirect redirect : segment.redirects()) {
                if (redirect.writesFile() && isInsideGit(redirect.target())) {
                    return Optional.of("writes inside .git/ (" + redirect.op() + " " + redirect.target() + ")");
                }
                if (redirect.writesFile() && DISK_DEVICE.matcher(redirect.target()).matches()) {
                    return Optional.of("writes straight to a disk device (" + redirect.target() + ")");
                }
            }
            for (String body : segment.substitutions()) {
                Optional<String> reason = command(body, cwd, depth + 1);
                if (reason.isPresent()) {
                    return reason;
                }
            }
            if (segment.words().isEmpty()) {
                return Optional.empty();
            }
            List<List<String>> views = ShellWrappers.views(segment.words());
            boolean viaXargs = views.stream().anyMatch(v -> ShellWrappers.name(v.get(0)).equals("xargs"));
            for (List<String> view : views) {
                String head = ShellWrappers.name(view.get(0));
                if ((ShellWrappers.isShell(head) || Set.of("source", ".", "eval").contains(head))
                        && RUN_DOWNLOAD.matcher(segment.text()).find()) {
                    return Optional.of("runs a downloaded script (" + segment.text() + ")");
                }
                Optional<String> reason = simple(head, view.subList(1, view.size()), cwd, viaXargs);
                if (reason.isPresent()) {
                    return reason;
                }
                Optional<String> inner = ShellWrappers.innerScript(view);
                if (inner.isPresent()) {
                    reason = command(inner.get(), cwd, depth + 1);
                    if (reason.isPresent()) {
                        return reason;
                    }
                }
            }
            return Optional.empty();
        }

        private Optional<String> simple(String head, List<String> args, Path cwd, boolean viaXargs) {
            if (AS_OTHER_USER.contains(head)) {
                return Optional.of("runs as another user (" + head + ")");
            }
            if (DELETERS.contains(head)) {
                return delete(head, args, cwd, viaXargs);
            }
            if (head.equals("find")) {
                return findDelete(args, cwd);
            }
            if (Set.of("chmod", "chown", "chgrp").contains(head) && hasFlag(args, 'R', "--recursive")) {
                return Optional.of("changes owners or permissions recursively (" + head + " -R)");
            }
            if (head.equals("dd")) {
                return Optional.of("copies raw blocks and can overwrite disks (dd)");
            }
            if (head.startsWith("mkfs") || DISKS.contains(head)) {
                return Optional.of("changes disks or file systems (" + head + ")");
            }
            if (SYSTEM.contains(head)) {
                return Optional.of("changes system or network settings (" + head + ")");
            }
            if (POWER.contains(head) || head.equals("init") && !args.isEmpty() && args.get(0).matches("[06]")) {
                return Optional.of("shuts down or restarts the machine (" + head + ")");
            }
            if (head.equals("git")) {
                return GitRisks.classify(args);
            }
            if (head.equals("tee") && args.stream().anyMatch(RiskyCommands::isInsideGit)) {
                return Optional.of("writes inside .git/ (tee)");
            }
            if (COPIERS.contains(head) && !args.isEmpty() && isInsideGit(args.get(args.size() - 1))) {
                return Optional.of("writes inside .git/ (" + head + ")");
            }
            if (head.equals("sed") && args.stream().anyMatch(a -> a.startsWith("-i") || a.equals("--in-place"))
                    && args.stream().anyMatch(RiskyCommands::isInsideGit)) {
                return Optional.of("edits files inside .git/ (sed -i)");
            }
            return Optional.empty();
        }

        private Optional<String> delete(String head, List<String> args, Path cwd, boolean viaXargs) {
            boolean recursive = hasFlag(args, 'r', "--recursive") || hasFlag(args, 'R', "--recursive");
            List<String> targets = operands(args);
            if (targets.isEmpty() && viaXargs && recursive) {
                return Optional.of("deletes folders read from its input (xargs " + head + " -r)");
            }
            for (String target : targets) {
                Optional<String> reason = deletions.judge(target, cwd, recursive, true, "deletes");
                if (reason.isPresent()) {
                    return reason;
                }
            }
            return Optional.empty();
        }

        private Optional<String> findDelete(List<String> args, Path cwd) {
            boolean deletes = args.contains("-delete");
            for (int k = 0; k < args.size() - 1 && !deletes; k++) {
                deletes = Set.of("-exec", "-execdir", "-ok", "-okdir").contains(args.get(k))
                        && DELETERS.contains(ShellWrappers.name(args.get(k + 1)));
            }
            if (!deletes) {
                return Optional.empty();
            }
            int k = 0;
            while (k < args.size() && Set.of("-L", "-H", "-P").contains(args.get(k))) {
                k++;
            }
            boolean anyStart = false;
            for (; k < args.size(); k++) {
                String a = args.get(k);
                if (a.startsWith("-") || a.equals("(") || a.equals("!")) {
                    break;
                }
                anyStart = true;
                Optional<String> reason = deletions.judge(a, cwd, true, false, "find -delete deletes");
                if (reason.isPresent()) {
                    return reason;
                }
            }
            return anyStart ? Optional.empty() : deletions.judge(".", cwd, true, false, "find -delete deletes");
        }

        /** Tracks {@code cd dir} so that {@code cd /etc && rm x} is judged in /etc; unknown folders become null. */
        private Path changedFolder(ShellCommand.Segment segment, Path cwd) {
            List<String> words = ShellWrappers.unwrap(segment.words());
            if (words.isEmpty() || !Set.of("cd", "pushd").contains(words.get(0))) {
                return cwd;
            }
            List<String> operands = operands(words.subList(1, words.size()));
            String target = operands.isEmpty() ? "~" : operands.get(0);
            String expanded = deletions.expandHome(target);
            if (expanded.contains("$") || expanded.equals("-")) {
                return null;
            }
            try {
                Path p = Path.of(expanded);
                return p.isAbsolute() ? p.normalize() : cwd == null ? null : cwd.resolve(p).normalize();
            } catch (InvalidPathException e) {
                return null;
            }
        }

        private Optional<String> downloadPipedIntoShell(List<ShellCommand.Segment> segments) {
            boolean downloading = false;
            for (ShellCommand.Segment segment : segments) {
                List<String> words = ShellWrappers.unwrap(segment.words());
                String head = words.isEmpty() ? "" : ShellWrappers.name(words.get(0));
                if (downloading && ShellWrappers.isShell(head)) {
                    return Optional.of("pipes a download into a shell (… | " + head + ")");
                }
                downloading = "|".equals(segment.next()) && (downloading || DOWNLOADERS.contains(head));
            }
            return Optional.empty();
        }
    }

    /** True when a short-option cluster holds the letter ({@code -rf}) or the long option is present. */
    static boolean hasFlag(List<String> args, char letter, String longOption) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals(longOption) || a.startsWith("-") && !a.startsWith("--") && a.indexOf(letter) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The arguments that are not options (everything after {@code --}). */
    static List<String> operands(List<String> args) {
        List<String> out = new java.util.ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && a.equals("--")) {
                options = false;
            } else if (!options || !a.startsWith("-") || a.equals("-")) {
                out.add(a);
            }
        }
        return out;
    }

    static boolean isInsideGit(String path) {
        for (String name : path.split("/+")) {
            if (name.equals(".git")) {
                return true;
            }
        }
        return false;
    }
}
