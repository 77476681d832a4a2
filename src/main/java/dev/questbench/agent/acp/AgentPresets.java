package dev.questbench.agent.acp;

import dev.questbench.store.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ACP agents a quest can pick (Settings → Agents); a quest names one as its backend {@code acp:<name>}. */
public record AgentPresets(List<AcpPreset> presets) {
    /** Ready entries for the agents people use; "custom" is a blank one to fill in. */
    public static final AgentPresets DEFAULT = new AgentPresets(List.of(
            new AcpPreset("qoder", "qodercli", List.of("--acp")),
            new AcpPreset("gemini", "gemini", List.of("--experimental-acp")),
            new AcpPreset("claude-code", "npx", List.of("@zed-industries/claude-code-acp")),
            new AcpPreset("codex", "npx", List.of("@zed-industries/codex-acp")),
            new AcpPreset("goose", "goose", List.of("acp")),
            new AcpPreset("opencode", "opencode", List.of("acp")),
            new AcpPreset("custom", "", List.of())));
    public static final Setting<AgentPresets> SETTING = Setting.of("agents.acp", AgentPresets.class, DEFAULT);

    public AgentPresets {
        presets = presets == null ? List.of() : List.copyOf(presets);
    }

    public Optional<AcpPreset> find(String name) {
        return presets.stream().filter(preset -> preset.name().equalsIgnoreCase(name)).findFirst();
    }

    /** These presets with one added or replaced (by name). */
    public AgentPresets with(AcpPreset preset) {
        List<AcpPreset> next = new ArrayList<>();
        boolean replaced = false;
        for (AcpPreset existing : presets) {
            if (existing.name().equalsIgnoreCase(preset.name())) {
                next.add(preset);
                replaced = true;
            } else {
                next.add(existing);
            }
        }
        if (!replaced) {
            next.add(preset);
        }
        return new AgentPresets(next);
    }

    public AgentPresets without(String name) {
        return new AgentPresets(presets.stream().filter(p -> !p.name().equalsIgnoreCase(name)).toList());
    }
}
