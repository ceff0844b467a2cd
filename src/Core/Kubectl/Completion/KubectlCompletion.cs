namespace Playground.Core.Kubectl.Completion;

/// <summary>What Tab offers for the word before the cursor; every candidate starts with <see cref="Word"/>, as typed.</summary>
public sealed record KubectlCompletion(string Word, IReadOnlyList<string> Candidates)
{
    public static KubectlCompletion None(string word) => new(word, []);
}
