package ledger.query.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ledger.kernel.shared.BureauTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What a person typed into one form, and what is wrong with it, in their language. The page checks what it
 * can say at once (required, length, number, date); the command side still checks everything, and its
 * refusals are shown here too (by their stable code), beside the field they name when they name one.
 */
public class Form {

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final MessageSource messages;
    private String general;

    public Form(Map<String, String> values, MessageSource messages) {
        this.values = new LinkedHashMap<>(values);
        this.messages = messages;
    }

    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public String getGeneral() {
        return general;
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || general != null;
    }

    public String error(String field) {
        return errors.get(field);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    public String required(String field, int maxLength) {
        String value = value(field).strip();
        if (value.isEmpty()) {
            errors.putIfAbsent(field, text("field.required"));
            return null;
        }
        return optional(field, maxLength);
    }

    public String optional(String field, int maxLength) {
        String value = value(field).strip();
        if (value.codePointCount(0, value.length()) > maxLength) {
            errors.putIfAbsent(field, text("field.tooLong", maxLength));
        }
        return value.isEmpty() ? null : value;
    }

    public Integer percent(String field) {
        String value = value(field).strip();
        try {
            int percent = Integer.parseInt(value);
            if (percent >= 0 && percent <= 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.putIfAbsent(field, text(value.isEmpty() ? "field.required" : "field.number"));
        return null;
    }

    public LocalDate date(String field) {
        String value = value(field).strip();
        if (value.isEmpty()) {
            errors.putIfAbsent(field, text("field.required"));
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (BureauTime.isSupported(day)) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        errors.putIfAbsent(field, text("field.date"));
        return null;
    }

    public YearMonth month(String field) {
        String value = value(field).strip();
        try {
            YearMonth month = YearMonth.parse(value);
            if (BureauTime.isSupported(month.atDay(1))) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        errors.putIfAbsent(field, text(value.isEmpty() ? "field.required" : "field.month"));
        return null;
    }

    /** The command side's refusal, in the person's language, beside its field when it names one of ours. */
    public void refused(CommandSide.Outcome outcome) {
        for (CommandSide.Outcome.FieldError error : outcome.errors()) {
            String field = error.field();
            if (values.containsKey(field)) {
                errors.putIfAbsent(field, text("field.invalid", error.message()));
            }
        }
        String code = outcome.code() == null ? "UNKNOWN" : outcome.code();
        String sentence = messages.getMessage("problem." + code, new Object[] {code}, null,
                LocaleContextHolder.getLocale());
        general = sentence != null ? sentence : text("problem.UNKNOWN", code);
    }

    /** What was typed into the form's own fields (other request parameters are not the form's). */
    public static Form of(Map<String, String> typed, MessageSource messages, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            values.put(field, typed.getOrDefault(field, ""));
        }
        return new Form(values, messages);
    }

    /** A number on a scale, e.g. a score's value. */
    public Integer between(String field, int min, int max) {
        String value = value(field).strip();
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
            errors.putIfAbsent(field, text("field.range", min, max));
            return null;
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, text(value.isEmpty() ? "field.required" : "field.number"));
            return null;
        }
    }

    public static Form empty(MessageSource messages, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of(fields)) {
            values.put(field, "");
        }
        return new Form(values, messages);
    }
}
