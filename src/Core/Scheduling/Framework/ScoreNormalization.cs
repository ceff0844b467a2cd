namespace Playground.Core.Scheduling.Framework;

/// <summary>Upstream's DefaultNormalizeScore: scales scores so the best node gets the maximum, or the reverse.</summary>
public static class ScoreNormalization
{
    public static void Scale(long[] scores, bool reverse)
    {
        var max = scores.Length == 0 ? 0 : scores.Max();
        for (var i = 0; i < scores.Length; i++)
        {
            if (max == 0)
            {
                if (reverse) scores[i] = IScorePlugin.MaxNodeScore;
                continue;
            }
            var score = IScorePlugin.MaxNodeScore * scores[i] / max;
            scores[i] = reverse ? IScorePlugin.MaxNodeScore - score : score;
        }
    }
}
