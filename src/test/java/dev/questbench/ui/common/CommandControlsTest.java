package dev.questbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Controls made from commands: what is deferred to first use (menu icons, tooltips) still arrives. */
@ExtendWith(ApplicationExtension.class)
class CommandControlsTest {
    private final List<String> ran = new ArrayList<>();
    private final Command command = Command.named("New Quest").icon(Feather.PLUS).shortcut("Shortcut+N")
            .does(() -> ran.add("new"));

    @Start
    void start(Stage stage) {
        // no window needed: the controls are checked detached
    }

    @Test
    void aMenuBarItemGetsItsIconWhenItsMenuFirstOpens() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            MenuItem item = CommandControls.menuBarItem(command);
            Menu menu = new Menu("File", null, item);
            CommandControls.iconsWhenOpened(menu);
            assertNull(item.getGraphic(), "no glyph before the menu opens");
            assertEquals(KeyCombination.keyCombination("Shortcut+N"), item.getAccelerator(),
                    "the shortcut works before the menu ever opens");

            Event.fireEvent(menu, new Event(Menu.ON_SHOWING));

            assertTrue(item.getGraphic() instanceof FontIcon icon && icon.getIconCode() == Feather.PLUS);
            item.fire();
            assertEquals(List.of("new"), ran);
            assertTrue(CommandControls.menuItem(command).getGraphic() instanceof FontIcon, "others get it at once");
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aButtonsTooltipIsMadeOnFirstHoverAndNamesTheShortcut() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Button button = CommandControls.iconButton(command);
            assertNull(button.getTooltip());

            Event.fireEvent(button, new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, null, 0, false, false,
                    false, false, false, false, false, false, false, false, null));

            assertTrue(button.getTooltip().getText().startsWith("New Quest  ("), button.getTooltip().getText());
        }).get(10, TimeUnit.SECONDS);
    }
}
