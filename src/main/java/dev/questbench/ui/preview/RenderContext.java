package dev.questbench.ui.preview;

import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.TaskRunner;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What renderers share: the task runner for reading files, the system apps, the dialogs, and whether web previews
 * may reach hosts other than this machine.
 */
record RenderContext(TaskRunner tasks, SystemApps apps, DialogService dialogs, ObservableBooleanValue allowNetwork) {
}
