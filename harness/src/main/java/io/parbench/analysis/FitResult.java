package io.parbench.analysis;

/**
 * A model fit, or why there is none.
 *
 * @param fit null when the model could not be fitted
 * @param note why not (null when fitted)
 */
public record FitResult<T>(T fit, SeriesNote note) {

    static <T> FitResult<T> fitted(T fit) {
        return new FitResult<>(fit, null);
    }

    static <T> FitResult<T> notFitted(SeriesNote why) {
        return new FitResult<>(null, why);
    }
}
