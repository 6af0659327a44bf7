package io.pixcrawler.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CHECK forms the model uses, parsed: ranges ({@code col >= N}, {@code col > N}, {@code col <= N},
 * {@code col < N}, joined by AND) and value lists ({@code col IN ('a','b')}, optionally
 * {@code OR col IS NULL}).
 */
sealed interface CheckExpression {

    record Bound(String column, boolean lower, BigDecimal value, boolean inclusive) {
        public Bound {
            value = value.stripTrailingZeros();
        }

        /** For integer columns, {@code > N} is {@code >= N+1} and {@code < N} is {@code <= N-1}. */
        Bound asInclusiveInteger() {
            if (inclusive) {
                return this;
            }
            return new Bound(column, lower, lower ? value.add(BigDecimal.ONE) : value.subtract(BigDecimal.ONE), true);
        }

        @Override
        public String toString() {
            return column + (lower ? (inclusive ? " >= " : " > ") : (inclusive ? " <= " : " < ")) + value.toPlainString();
        }
    }

    record Range(List<Bound> bounds) implements CheckExpression {
    }

    record ValueList(String column, List<String> values, boolean orNull) implements CheckExpression {
    }

    Pattern COMPARISON = Pattern.compile("\"?(\\w+)\"?\\s*(>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)");
    Pattern IN_LIST = Pattern.compile(
            "\"?(\\w+)\"?\\s+IN\\s*\\(([^)]*)\\)(\\s+OR\\s+\"?(\\w+)\"?\\s+IS\\s+NULL)?", Pattern.CASE_INSENSITIVE);
    Pattern QUOTED = Pattern.compile("\\s*'([^']*)'\\s*");

    /** The parsed expression, or empty when it has none of the supported forms. */
    static Optional<CheckExpression> parse(String sql) {
        String expression = sql.trim();
        Matcher in = IN_LIST.matcher(expression);
        if (in.matches()) {
            if (in.group(4) != null && !in.group(4).equals(in.group(1))) {
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            for (String item : in.group(2).split(",", -1)) {
                Matcher quoted = QUOTED.matcher(item);
                if (!quoted.matches()) {
                    return Optional.empty();
                }
                values.add(quoted.group(1));
            }
            return Optional.of(new ValueList(in.group(1), values, in.group(3) != null));
        }
        List<Bound> bounds = new ArrayList<>();
        for (String part : expression.split("(?i)\\s+AND\\s+")) {
            Matcher c = COMPARISON.matcher(part.trim());
            if (!c.matches()) {
                return Optional.empty();
            }
            String op = c.group(2);
            bounds.add(new Bound(c.group(1), op.startsWith(">"), new BigDecimal(c.group(3)), op.endsWith("=")));
        }
        return Optional.of(new Range(bounds));
    }
}
