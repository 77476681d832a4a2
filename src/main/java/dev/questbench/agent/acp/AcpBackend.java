package dev.questbench.agent.acp;

import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.UnavailableSession;
import dev.questbench.store.Store;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * External agents over the Agent Client Protocol: a quest whose backend is {@code acp:<preset>} runs the preset's
 * command (Settings → Agents) as a child process and talks JSON-RPC over its stdin/stdout. Presets given on the
 * command line ({@code questbench run --acp '…'}) live only in this process.
 */
public final class AcpBackend implements AgentBackend {
    public static final String KIND = "acp";

    private final Store store;
    private final Map<String, AcpPreset> adHoc = new ConcurrentHashMap<>();

    public AcpBackend(Store store) {
        this.store = store;
    }

    /** The backend id a quest names to run on this preset. */
    public static String backendId(String presetName) {
        return KIND + ":" + presetName;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Adds a preset for this process only (a command line's {@code --acp}); returns its backend id. */
    public String register(AcpPreset preset) {
        adHoc.put(preset.name().toLowerCase(java.util.Locale.ROOT), preset);
        return backendId(preset.name());
    }

    /** The preset a backend id names, from this process's or the settings' presets; null when there is none. */
    public AcpPreset preset(String backend) {
        int colon = backend.indexOf(':');
        String name = colon < 0 ? "" : backend.substring(colon + 1);
        AcpPreset local = adHoc.get(name.toLowerCase(java.util.Locale.ROOT));
        return local != null ? local : store.settings().get(AgentPresets.SETTING).find(name).orElse(null);
    }

    @Override
    public AgentSession open(QuestContext context) {
        AcpPreset preset = preset(context.quest().backend());
        if (preset == null) {
            String name = context.quest().backend().substring(context.quest().backend().indexOf(':') + 1);
            return new UnavailableSession("agent_unavailable", "There is no agent '" + name
                    + "' in Settings → Agents. Add it there, or pick another agent for this quest, then Retry.");
        }
        String questId = context.quest().id();
        Path workDir = context.workingDirectory() != null ? context.workingDirectory()
                : store.dataDir().resolve("scratch").resolve(questId);
        Path log = store.dataDir().resolve("logs").resolve("agents").resolve(questId + "-" + preset.name() + ".log");
        return new AcpSession(context, preset, workDir, log, Math.max(1, store.settings().get(
                AcpSettings.START_TIMEOUT)), Math.max(1, store.settings().get(AcpSettings.IDLE_TIMEOUT)));
    }
}
