package dev.questbench.ui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Makes menu items and buttons from {@link Command}s, so each action is defined once. */
public final class CommandControls {
    /** Where a menu-bar item keeps its icon until its menu first opens. */
    private static final String LATER_ICON = "questbench.icon";

    private CommandControls() {
    }

    /**
     * A menu-bar item: like {@link #menuItem}, but its icon is made the first time its menu opens (see
     * {@link #iconsWhenOpened}); a window's menus hold dozens of icons, each a glyph node, none shown at start.
     */
    public static MenuItem menuBarItem(Command command) {
        MenuItem item = new MenuItem(command.name());
        if (command.icon() != null) {
            item.getProperties().put(LATER_ICON, command.icon());
        }
        item.setAccelerator(command.shortcut());
        item.disableProperty().bind(command.disabledProperty());
        item.setOnAction(event -> command.execute());
        return item;
    }

    /** Gives the {@link #menuBarItem}s of {@code menu} their icons as it opens for the first time. */
    public static void iconsWhenOpened(Menu menu) {
        menu.addEventHandler(Menu.ON_SHOWING, event -> menu.getItems().forEach(CommandControls::giveIcon));
    }

    /** A menu item with the command's name, icon, shortcut and enabled state. */
    public static MenuItem menuItem(Command command) {
        MenuItem item = menuBarItem(command);
        giveIcon(item);
        return item;
    }

    private static void giveIcon(MenuItem item) {
        if (item.getProperties().remove(LATER_ICON) instanceof Ikon icon) {
            item.setGraphic(new FontIcon(icon));
        }
    }

    /**
     * A context-menu item: like {@link #menuItem} but without the accelerator, which JavaFX would register in the
     * scene and so take the window's shortcut over for whatever row the menu belongs to.
     */
    public static MenuItem contextItem(Command command) {
        MenuItem item = menuItem(command);
        item.setAccelerator(null);
        return item;
    }

    /** A labelled button; its tooltip names the shortcut. */
    public static Button button(Command command) {
        Button button = new Button(command.name());
        if (command.icon() != null) {
            button.setGraphic(new FontIcon(command.icon()));
        }
        decorate(button, command);
        return button;
    }

    /** An icon-only flat button whose tooltip carries the name and shortcut. */
    public static Button iconButton(Command command) {
        Button button = new Button(null, new FontIcon(command.icon()));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setAccessibleText(command.name());
        decorate(button, command);
        return button;
    }

    private static void decorate(Button button, Command command) {
        String tip = command.shortcut() == null ? command.name()
                : command.name() + "  (" + command.shortcut().getDisplayText() + ")";
        // Made when the pointer first comes over the button: each Tooltip is a popup of its own, and the window
        // has dozens of these buttons to build before its first frame.
        button.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.scene.input.MouseEvent event) {
                button.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                if (button.getTooltip() == null) {
                    button.setTooltip(new Tooltip(tip));
                }
            }
        });
        button.disableProperty().bind(command.disabledProperty());
        button.setOnAction(event -> command.execute());
    }
}
