package fi.digikunta.model;

import java.math.BigDecimal;

/**
 * Sums of the savings of the computable rows, in euros a year, with the count of in-use services
 * whose realised saving was computable (so a reader can see how much of the data the sum covers).
 */
public record Savings(double realisedNet, double potentialNet, double target, int computableInUse) {
    public static final Savings ZERO = new Savings(0, 0, 0, 0);

    /** The sums, added as decimals (see compute.Euros: a double sum drifts off the half cent). */
    public Savings plus(Savings o) {
        return new Savings(plus(realisedNet, o.realisedNet), plus(potentialNet, o.potentialNet), plus(target, o.target),
                computableInUse + o.computableInUse);
    }

    private static double plus(double a, double b) {
        return BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)).doubleValue();
    }
}
