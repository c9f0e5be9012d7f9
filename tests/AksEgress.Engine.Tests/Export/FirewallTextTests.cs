using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    public class FirewallTextTests
    {
        [Theory]
        [InlineData("plain text", "plain text")]
        [InlineData("a\u0000b\u001bc\u007fd\u0085e\u2028f\u2029g", "a b c d e f g")]
        [InlineData("line\r\n\tnext", "line next")]
        [InlineData("\nstart and end\n", " start and end ")]
        [InlineData("클러스터 \U0001F600 <b>&+`'\"${x}", "클러스터 \U0001F600 <b>&+`'\"${x}")]
        public void CleanTurnsControlRunsIntoOneSpaceAndBrokenSurrogatesIntoTheReplacementCharacter(string text, string expected) =>
            Assert.Equal(expected, FirewallText.Clean(text));

        /// <summary>Lone surrogates cannot travel in attribute data (it is UTF-8), so these are written here.</summary>
        [Fact]
        public void AnUnpairedSurrogateBecomesTheReplacementCharacter()
        {
            Assert.Equal("a\uFFFDb", FirewallText.Clean("a\uD800b"));
            Assert.Equal("a\uFFFD", FirewallText.Clean("a\uDC00"));
            Assert.Equal("\uFFFD\U0001F600", FirewallText.Clean("\uDC00\U0001F600"));
        }

        [Fact]
        public void ALongDescriptionIsCutOnAWholeCharacterAndKeepsItsNote()
        {
            var cut = FirewallText.Description(new string('a', 1020) + "\U0001F600\U0001F600\U0001F600", null);
            Assert.Equal(1023, cut.Length);
            Assert.EndsWith("a...", cut);

            var withNote = FirewallText.Description(new string('b', 2000), "the note");
            Assert.Equal(FirewallText.MaxDescriptionLength, withNote.Length);
            Assert.EndsWith("b...; the note", withNote);

            Assert.Equal("short; note", FirewallText.Description("short", "note"));
            Assert.Equal("a b; c d", FirewallText.Description("a\nb", "c\td"));
        }
    }
}
