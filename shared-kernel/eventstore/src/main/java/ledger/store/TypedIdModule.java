package ledger.store;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import ledger.kernel.shared.Identifier;

/** Writes every typed id as its bare string and reads it back through the record's constructor. */
public class TypedIdModule extends SimpleModule {

    public TypedIdModule() {
        super("ledger-typed-ids");
        addSerializer(Identifier.class, new StdSerializer<>(Identifier.class) {
            @Override
            public void serialize(Identifier id, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(id.value());
            }
        });
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription beanDesc) {
                Class<?> raw = type.getRawClass();
                return Identifier.class.isAssignableFrom(raw) && !raw.isInterface() ? new IdDeserializer(raw) : null;
            }
        });
    }

    private static final class IdDeserializer extends JsonDeserializer<Object> {

        private final Class<?> idType;
        private final Constructor<?> constructor;

        IdDeserializer(Class<?> idType) {
            this.idType = idType;
            try {
                this.constructor = idType.getDeclaredConstructor(String.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(idType + " needs a constructor taking the raw String value", e);
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(idType, parser);
            }
            String raw = parser.getText();
            try {
                return constructor.newInstance(raw);
            } catch (InvocationTargetException e) {
                return context.handleInstantiationProblem(idType, raw, e.getCause());
            } catch (ReflectiveOperationException e) {
                return context.handleInstantiationProblem(idType, raw, e);
            }
        }
    }
}
