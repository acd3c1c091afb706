package ledger.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.YearMonthDeserializer;
import ledger.kernel.shared.BureauTime;
import ledger.kernel.shared.InvalidMessageException;

/**
 * Dates that arrive over HTTP lie within the days the ledger speaks of ({@link BureauTime}), so a
 * typing error such as {@code +999999999-12-31} is refused naming its field instead of reaching
 * an event that no view can store. Only the HTTP side uses it: stored events are read as written.
 */
public final class ApiJsonModule extends SimpleModule {

    public ApiJsonModule() {
        super("ledger-api-json");
        addDeserializer(LocalDate.class, new BoundedDay());
        addDeserializer(YearMonth.class, new BoundedMonth());
    }

    private static String range() {
        return "must be between " + BureauTime.EARLIEST_DAY + " and " + BureauTime.LATEST_DAY;
    }

    private static JsonMappingException outOfRange(JsonParser parser) {
        String field = parser.getParsingContext().getCurrentName();
        return JsonMappingException.from(parser, "date out of range",
                new InvalidMessageException(field == null ? "body" : field, range()));
    }

    private static final class BoundedDay extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate day = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (day != null && !BureauTime.isSupported(day)) {
                throw outOfRange(parser);
            }
            return day;
        }
    }

    private static final class BoundedMonth extends JsonDeserializer<YearMonth> {
        @Override
        public YearMonth deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            YearMonth month = YearMonthDeserializer.INSTANCE.deserialize(parser, context);
            if (month != null && !(BureauTime.isSupported(month.atDay(1)) && BureauTime.isSupported(month.atEndOfMonth()))) {
                throw outOfRange(parser);
            }
            return month;
        }
    }
}
