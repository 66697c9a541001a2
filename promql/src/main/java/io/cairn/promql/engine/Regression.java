package io.cairn.promql.engine;

/** Least-squares line through a window's points, as Prometheus's {@code linearRegression}. */
final class Regression {
  private Regression() {}

  /** {slope, intercept} with x in seconds relative to {@code interceptTime}. */
  static double[] fit(RangeFunctions.Window w, long interceptTime) {
    double n = 0;
    double sumX = 0;
    double sumY = 0;
    double sumXY = 0;
    double sumX2 = 0;
    double[] cX = {0};
    double[] cY = {0};
    double[] cXY = {0};
    double[] cX2 = {0};
    double initY = w.first();
    boolean constY = true;
    for (int i = w.from(); i < w.to(); i++) {
      double y = w.v()[i];
      if (constY && i > w.from() && y != initY) {
        constY = false;
      }
      n++;
      double x = (w.t()[i] - interceptTime) / 1e3;
      sumX = OverTime.kahanInc(x, sumX, cX);
      sumY = OverTime.kahanInc(y, sumY, cY);
      sumXY = OverTime.kahanInc(x * y, sumXY, cXY);
      sumX2 = OverTime.kahanInc(x * x, sumX2, cX2);
    }
    if (constY) {
      if (Double.isInfinite(initY)) {
        return new double[] {Double.NaN, Double.NaN};
      }
      return new double[] {0, initY};
    }
    sumX += cX[0];
    sumY += cY[0];
    sumXY += cXY[0];
    sumX2 += cX2[0];
    double covXY = sumXY - sumX * sumY / n;
    double varX = sumX2 - sumX * sumX / n;
    double slope = covXY / varX;
    double intercept = sumY / n - slope * sumX / n;
    return new double[] {slope, intercept};
  }
}
