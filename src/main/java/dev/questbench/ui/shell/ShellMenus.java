package dev.questbench.ui.shell;

import dev.questbench.ui.common.CommandControls;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The menu bar: File (New Quest, Open Workspace, Settings, Quit), View (board, schedules, function area, command
 * palette, Theme),
 * Quest (lifecycle).
 */
final class ShellMenus {
    private ShellMenus() {
    }

    static MenuBar build(ShellCommands commands, ObjectProperty<ThemePreference> theme) {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                CommandControls.menuBarItem(commands.newQuest),
                CommandControls.menuBarItem(commands.openWorkspace),
                new SeparatorMenuItem(),
                CommandControls.menuBarItem(commands.settings),
                new SeparatorMenuItem(),
                CommandControls.menuBarItem(commands.quit));
        Menu view = new Menu("_View");
        view.getItems().addAll(
                CommandControls.menuBarItem(commands.toggleBoard),
                CommandControls.menuBarItem(commands.toggleSchedules),
                CommandControls.menuBarItem(commands.toggleFunctionArea),
                CommandControls.menuBarItem(commands.palette),
                CommandControls.menuBarItem(commands.toggleSidebar),
                CommandControls.menuBarItem(commands.searchQuests),
                CommandControls.menuBarItem(commands.findInQuest),
                CommandControls.menuBarItem(commands.nextQuest),
                CommandControls.menuBarItem(commands.previousQuest),
                new SeparatorMenuItem(),
                themeMenu(theme));
        Menu quest = new Menu("_Quest");
        commands.quest.run().forEach(command -> quest.getItems().add(CommandControls.menuBarItem(command)));
        quest.getItems().addAll(new SeparatorMenuItem(), CommandControls.menuBarItem(commands.quest.moveToLocal()),
                CommandControls.menuBarItem(commands.quest.archive()),
                CommandControls.menuBarItem(commands.quest.unarchive()), CommandControls.menuBarItem(commands.quest.delete()));
        for (Menu menu : new Menu[] {file, view, quest}) {
            CommandControls.iconsWhenOpened(menu);
        }
        MenuBar bar = new MenuBar(file, view, quest);
        bar.setUseSystemMenuBar(true); // the global menu bar on macOS; a normal bar elsewhere
        return bar;
    }

    private static Menu themeMenu(ObjectProperty<ThemePreference> theme) {
        Menu menu = new Menu("Theme");
        ToggleGroup group = new ToggleGroup();
        for (ThemePreference preference : ThemePreference.values()) {
            RadioMenuItem item = new RadioMenuItem(preference.label());
            item.setToggleGroup(group);
            item.setUserData(preference);
            item.setSelected(theme.get() == preference);
            item.setOnAction(event -> theme.set(preference));
            menu.getItems().add(item);
        }
        theme.addListener((observable, before, after) -> group.getToggles()
                .forEach(toggle -> toggle.setSelected(toggle.getUserData() == after)));
        return menu;
    }
}
