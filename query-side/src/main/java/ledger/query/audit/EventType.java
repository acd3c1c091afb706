package ledger.query.audit;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.media.StringSchema;
import ledger.kernel.shared.InvalidMessageException;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** An event type a filter names: one of the published types (those of the event schema), by simple name. */
record EventType(String name) {

    /** The published names, in the schema's order. */
    static final List<String> NAMES = EventSchema.eventTypes().stream().map(Class::getSimpleName).sorted().toList();

    static {
        // the API description offers the names to choose from, as it does an enum's constants
        SpringDocUtils.getConfig().replaceWithSchema(EventType.class, new StringSchema()._enum(NAMES));
    }

    /** The names of a filter's types, or null (no filter) when none were given. */
    static Set<String> names(Collection<EventType> types) {
        return types == null || types.isEmpty() ? null
                : types.stream().map(EventType::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Turns a request value into an event type, refusing a name that no event has. */
    @Component
    static class FromRequest implements Converter<String, EventType> {

        @Override
        public EventType convert(String source) {
            String name = source.trim();
            if (!NAMES.contains(name)) {
                throw new InvalidMessageException("types", "must be one of " + String.join(", ", NAMES));
            }
            return new EventType(name);
        }
    }
}
