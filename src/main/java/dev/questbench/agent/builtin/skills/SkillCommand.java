package dev.questbench.agent.builtin.skills;

import java.util.List;
import java.util.Optional;

/** A message typed as {@code /skill-name args}: what the model sees instead is the skill's instructions. */
public final class SkillCommand {
    private SkillCommand() {
    }

    /** The skill's instructions with the arguments when {@code text} starts with one's name, else {@code text}. */
    public static String expand(String text, List<Skill> skills) {
        if (text == null || !text.startsWith("/") || skills.isEmpty()) {
            return text;
        }
        String rest = text.substring(1);
        int space = indexOfSpace(rest);
        String name = space < 0 ? rest : rest.substring(0, space);
        Optional<Skill> skill = name.isEmpty() ? Optional.empty() : Skills.named(skills, name);
        if (skill.isEmpty()) {
            return text;
        }
        String arguments = space < 0 ? "" : rest.substring(space + 1);
        return "The user invoked the skill /" + skill.get().name() + ". Follow it.\n\n"
                + skill.get().instructions(arguments);
    }

    private static int indexOfSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
