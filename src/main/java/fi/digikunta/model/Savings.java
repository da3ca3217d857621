package fi.digikunta.model;

/**
 * Sums of the savings of the computable rows, in euros a year, with the count of in-use services
 * whose realised saving was computable (so a reader can see how much of the data the sum covers).
 */
public record Savings(double realisedNet, double potentialNet, double target, int computableInUse) {
    public static final Savings ZERO = new Savings(0, 0, 0, 0);

    /**
     * The sums added in double: the national sums. A return's own sums are exact (compute.Euros);
     * adding 308 of them as decimals cost 35 ms of a run's serial figures phase (Double.toString).
     */
    public Savings plus(Savings o) {
        return new Savings(realisedNet + o.realisedNet, potentialNet + o.potentialNet, target + o.target,
                computableInUse + o.computableInUse);
    }
}
