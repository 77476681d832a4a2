package dev.questbench.ui.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OS notification commands: what each platform runs, and a fake notify-send on PATH that records its arguments. */
class CommandNotificationsTest {
    @TempDir
    Path dir;

    @Test
    void linuxUsesNotifySendWithAppNameIconAndUrgency() {
        List<String> command = CommandNotifications.command(CommandNotifications.Platform.LINUX, "notify-send",
                "Action required: Orders", "-rf is risky", true, Path.of("/tmp/icon.png"));
        assertEquals(List.of("notify-send", "--app-name=Questbench", "--urgency=critical", "--icon=/tmp/icon.png",
                "--", "Action required: Orders", "-rf is risky"), command, "text after -- is never an option");
    }

    @Test
    void macPassesTheTextAsArgumentsNotInsideTheScript() {
        List<String> command = CommandNotifications.command(CommandNotifications.Platform.MAC, "/usr/bin/osascript",
                "Ready: \"quoted\"", "done", false, null);
        assertEquals("/usr/bin/osascript", command.get(0));
        assertEquals(List.of("Ready: \"quoted\"", "done"), command.subList(command.size() - 2, command.size()));
        assertTrue(command.stream().noneMatch(part -> part.contains("quoted") && part.contains("display")));
    }

    @Test
    void windowsReadsTheTextFromTheEnvironment() {
        List<String> command = CommandNotifications.command(CommandNotifications.Platform.WINDOWS, "powershell.exe",
                "Error: x'; rm", "y", false, null);
        assertTrue(command.get(command.size() - 1).contains("$env:QB_TITLE"));
        assertTrue(command.stream().noneMatch(part -> part.contains("rm")), "the title never enters the script");
    }

    @Test
    void nothingWhenTheProgramIsMissing() {
        assertSame(OsNotifications.NONE, CommandNotifications.detect("Linux", dir.toString()));
        assertSame(OsNotifications.NONE, CommandNotifications.detect("Windows 11", dir.toString()));
    }

    @Test
    void aFakeNotifySendOnThePathReceivesTheNotification() throws Exception {
        assumeTrue(File.separatorChar == '/', "a shell script stands in for notify-send");
        Path log = dir.resolve("args.txt");
        Path fake = dir.resolve("notify-send");
        Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\" >> '" + log + "'; done\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        OsNotifications os = CommandNotifications.detect("Linux", "/nonexistent" + File.pathSeparator + dir);

        os.show("Ready: Orders", "Finished.", false);

        List<String> args = Files.readAllLines(log);
        assertEquals("--app-name=Questbench", args.get(0));
        assertEquals("--urgency=normal", args.get(1));
        assertTrue(args.get(2).startsWith("--icon=") && args.get(2).endsWith(".png"), args.get(2));
        assertEquals(List.of("--", "Ready: Orders", "Finished."), args.subList(3, 6));
    }
}
