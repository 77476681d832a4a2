package dev.questbench.domain.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The registry of known wire types, read once from the {@link JsonTypeName} of each event record. */
public final class EventTypes {
    private static final Map<String, Class<? extends QuestEvent>> BY_TYPE;
    private static final ClassValue<String> TYPE_OF = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            JsonTypeName name = type.getAnnotation(JsonTypeName.class);
            if (name == null) {
                throw new IllegalStateException(type.getName() + " has no @JsonTypeName");
            }
            return name.value();
        }
    };

    static {
        Map<String, Class<? extends QuestEvent>> map = new LinkedHashMap<>();
        for (Class<?> permitted : QuestEvent.class.getPermittedSubclasses()) {
            JsonTypeName name = permitted.getAnnotation(JsonTypeName.class);
            if (name != null) {
                map.put(name.value(), permitted.asSubclass(QuestEvent.class));
            }
        }
        BY_TYPE = Collections.unmodifiableMap(map);
    }

    private EventTypes() {
    }

    /** The record class for a wire type, or null when this version does not know it. */
    public static Class<? extends QuestEvent> classOf(String type) {
        return BY_TYPE.get(type);
    }

    public static String typeOf(Class<?> eventClass) {
        return TYPE_OF.get(eventClass);
    }

    /** Every known wire type, in declaration order. */
    public static Iterable<String> known() {
        return BY_TYPE.keySet();
    }
}
