namespace ContentTags;

/// <summary>Chooses one tag's decision threshold from validation probabilities and labels.</summary>
internal static class ThresholdTuner
{
    // Thresholds stay inside this band: a tag that fires at 0.01 is noise, one that needs 0.99 never fires on new text.
    public const float Min = 0.05f, Max = 0.95f;

    public static float Tune(float[] probabilities, bool[] truth, ThresholdObjective objective)
    {
        int positives = truth.Count(y => y);
        if (positives == 0) return 0.5f;
        double beta2 = objective == ThresholdObjective.FavorRecall ? 4 : 1; // F-beta with beta 2 weighs recall 4x

        var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ToArray();
        double best = -1;
        float threshold = 0.5f;
        int tp = 0, predicted = 0;
        for (int k = 0; k < order.Length; k++)
        {
            predicted++;
            if (truth[order[k]]) tp++;
            // Only cut between distinct values: every text at or above the cut is tagged.
            if (k + 1 < order.Length && probabilities[order[k + 1]] == probabilities[order[k]]) continue;
            double precision = (double)tp / predicted, recall = (double)tp / positives;
            double f = precision + recall == 0 ? 0 : (1 + beta2) * precision * recall / (beta2 * precision + recall);
            if (f > best)
            {
                best = f;
                // Midway between this score and the next lower one generalises better than the score itself.
                float next = k + 1 < order.Length ? probabilities[order[k + 1]] : 0f;
                threshold = (probabilities[order[k]] + next) / 2;
            }
        }
        return Math.Clamp(threshold, Min, Max);
    }
}
