package dev.questbench.ui.notify;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OS notifications through a command the platform ships: {@code notify-send} (Linux, when installed),
 * {@code osascript} (macOS), Windows PowerShell's toast API (Windows 10+). Text goes in as arguments or
 * environment variables, never into a shell line. Each command gets {@link #TIMEOUT}, then is killed.
 * Known limit: on Windows the toast is attributed to "Windows PowerShell", whose app id is registered;
 * an app id of our own needs a Start-menu shortcut, which only the installer can create.
 */
final class CommandNotifications implements OsNotifications {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(CommandNotifications.class.getName());
    private static final int MAX_MESSAGE = 300;
    private static final String ICON_RESOURCE = "/dev/questbench/icons/questbench-128.png";
    private static final String POWERSHELL_APP_ID =
            "{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\WindowsPowerShell\\v1.0\\powershell.exe";
    private static final String POWERSHELL_TOAST = String.join("; ",
            "$ErrorActionPreference = 'Stop'",
            "[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, "
                    + "ContentType = WindowsRuntime] | Out-Null",
            "$xml = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent("
                    + "[Windows.UI.Notifications.ToastTemplateType]::ToastText02)",
            "$texts = $xml.GetElementsByTagName('text')",
            "$texts.Item(0).AppendChild($xml.CreateTextNode($env:QB_TITLE)) | Out-Null",
            "$texts.Item(1).AppendChild($xml.CreateTextNode($env:QB_MESSAGE)) | Out-Null",
            "[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('" + POWERSHELL_APP_ID
                    + "').Show([Windows.UI.Notifications.ToastNotification]::new($xml))");

    /** The ways this class knows. */
    enum Platform { LINUX, MAC, WINDOWS }

    private final Platform platform;
    private final String program;
    private Path icon;
    private boolean iconLooked;

    CommandNotifications(Platform platform, String program) {
        this.platform = platform;
        this.program = program;
    }

    /** Picks the way for this OS if its program is there; {@link OsNotifications#NONE} otherwise. */
    static OsNotifications detect(String osName, String path) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Files.isExecutable(Path.of("/usr/bin/osascript"))
                    ? new CommandNotifications(Platform.MAC, "/usr/bin/osascript") : NONE;
        }
        if (os.contains("win")) {
            Path powershell = onPath(path, "powershell.exe");
            return powershell == null ? NONE : new CommandNotifications(Platform.WINDOWS, powershell.toString());
        }
        Path notifySend = onPath(path, "notify-send");
        return notifySend == null ? NONE : new CommandNotifications(Platform.LINUX, notifySend.toString());
    }

    @Override
    public void show(String title, String message, boolean urgent) {
        String body = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
        ProcessBuilder builder = new ProcessBuilder(command(platform, program, title, body, urgent, icon()));
        if (platform == Platform.WINDOWS) {
            builder.environment().putAll(Map.of("QB_TITLE", title, "QB_MESSAGE", body));
        }
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOG.fine(() -> program + " did not finish within " + TIMEOUT.toSeconds() + " s; killed");
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "OS notification failed", e); // the toast in the window still shows
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command line for one notification; the Windows text travels in QB_TITLE and QB_MESSAGE. */
    static List<String> command(Platform platform, String program, String title, String message, boolean urgent,
                                Path icon) {
        List<String> command = new ArrayList<>();
        command.add(program);
        switch (platform) {
            case LINUX -> {
                command.add("--app-name=Questbench");
                command.add("--urgency=" + (urgent ? "critical" : "normal"));
                if (icon != null) {
                    command.add("--icon=" + icon);
                }
                command.addAll(List.of("--", title, message));
            }
            case MAC -> command.addAll(List.of("-e", "on run argv",
                    "-e", "display notification (item 2 of argv) with title \"Questbench\" subtitle (item 1 of argv)",
                    "-e", "end run", title, message));
            case WINDOWS -> command.addAll(List.of("-NoProfile", "-NonInteractive", "-Command", POWERSHELL_TOAST));
        }
        return command;
    }

    /** The app icon as a file for notify-send, copied once from the class path to a temporary file. */
    private synchronized Path icon() {
        if (platform != Platform.LINUX || iconLooked) {
            return icon;
        }
        iconLooked = true;
        try (InputStream in = CommandNotifications.class.getResourceAsStream(ICON_RESOURCE)) {
            if (in != null) {
                Path file = Files.createTempFile("questbench-icon-", ".png");
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                file.toFile().deleteOnExit();
                icon = file;
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "no icon for OS notifications", e);
        }
        return icon;
    }

    private static Path onPath(String path, String program) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
