package fi.digikunta.model;

/**
 * Sums of the savings of the computable rows, in euros a year, with the count of in-use services
 * whose realised saving was computable (so a reader can see how much of the data the sum covers).
 */
public record Savings(double realisedNet, double potentialNet, double target, int computableInUse) {
    public static final Savings ZERO = new Savings(0, 0, 0, 0);

    /** The sums added in double (test fixtures add with it); the figures' own sums are exact: compute.Euros. */
    public Savings plus(Savings o) {
        return new Savings(realisedNet + o.realisedNet, potentialNet + o.potentialNet, target + o.target,
                computableInUse + o.computableInUse);
    }
}
