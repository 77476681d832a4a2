package dev.questbench.agent.builtin;

import dev.questbench.agent.builtin.hooks.HookConfig;
import dev.questbench.agent.builtin.permission.PermissionRule;
import dev.questbench.agent.builtin.tools.Tool;
import dev.questbench.agent.builtin.tools.ToolLimits;
import dev.questbench.domain.PermissionMode;
import dev.questbench.llm.ModelClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything one built-in session needs, resolved when the quest's session opens.
 *
 * @param client        the model client (its config names the provider, default model and context window)
 * @param model         the model id to call
 * @param implicitModel the provider is the unconfigured Ollama default: connection failures explain setup
 * @param mode          the permission mode
 * @param appRules      rules from the app settings (project and user files are read by the session)
 * @param appHooks      hooks from the app settings
 * @param stepLimit     model calls per turn
 * @param home          the user's home folder (user memory and settings, {@code ~/} rules)
 * @param scratch       the folder tools use when the quest has no workspace
 * @param blobs         stores large outputs, returns a ref
 * @param tools         the tools offered besides TodoWrite and AskUserQuestion
 * @param extensions    the settings of skills, MCP servers and Experts mode
 */
public record SessionSetup(ModelClient client, String model, boolean implicitModel, PermissionMode mode,
                           List<PermissionRule> appRules, HookConfig appHooks, int stepLimit, ToolLimits limits,
                           Duration hookTimeout, Path home, Path scratch, Function<byte[], String> blobs,
                           List<Tool> tools, ExtensionSettings extensions) {
    public SessionSetup {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(model, "model");
        mode = mode == null ? PermissionMode.DEFAULT : mode;
        appRules = appRules == null ? List.of() : List.copyOf(appRules);
        appHooks = appHooks == null ? HookConfig.EMPTY : appHooks;
        stepLimit = stepLimit <= 0 ? 100 : stepLimit;
        limits = limits == null ? ToolLimits.DEFAULT : limits;
        hookTimeout = hookTimeout == null ? Duration.ofSeconds(60) : hookTimeout;
        tools = List.copyOf(tools);
        extensions = extensions == null ? ExtensionSettings.NONE : extensions;
    }

    /** A setup with every skill enabled, no MCP servers and the default experts. */
    public SessionSetup(ModelClient client, String model, boolean implicitModel, PermissionMode mode,
                        List<PermissionRule> appRules, HookConfig appHooks, int stepLimit, ToolLimits limits,
                        Duration hookTimeout, Path home, Path scratch, Function<byte[], String> blobs,
                        List<Tool> tools) {
        this(client, model, implicitModel, mode, appRules, appHooks, stepLimit, limits, hookTimeout, home, scratch,
                blobs, tools, ExtensionSettings.NONE);
    }
}
