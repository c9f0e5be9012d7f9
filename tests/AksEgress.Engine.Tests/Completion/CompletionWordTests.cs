using AksEgress.Completion;

namespace AksEgress.Engine.Tests.Completion
{
    public class CompletionWordTests
    {
        [Theory]
        [InlineData(null, "")]
        [InlineData("", "")]
        [InlineData("kor", "kor")]
        [InlineData("'kor", "kor")]
        [InlineData("\"kor", "kor")]
        [InlineData("'Korea Central'", "Korea Central")]
        [InlineData("\u2018kor\u2019", "kor")]
        [InlineData("'", "")]
        public void UnquoteReadsTheWordWithoutItsQuotes(string? word, string expected) =>
            Assert.Equal(expected, CompletionWord.Unquote(word));

        [Theory]
        [InlineData("koreacentral", "kor", "koreacentral")]
        [InlineData("koreacentral", "", "koreacentral")]
        [InlineData("koreacentral", null, "koreacentral")]
        [InlineData("koreacentral", "'kor", "'koreacentral'")]
        [InlineData("koreacentral", "\"kor", "\"koreacentral\"")]
        [InlineData("Korea Central", "Kor", "'Korea Central'")]
        [InlineData("Korea Central", "\"Kor", "\"Korea Central\"")]
        [InlineData("it's", "", "'it''s'")]
        [InlineData("a$b", "\"a", "'a$b'")]
        [InlineData("a,b", "a", "'a,b'")]
        [InlineData("-x", "", "'-x'")]
        public void QuoteWritesATokenThatParsesToTheValue(string value, string? typed, string expected) =>
            Assert.Equal(expected, CompletionWord.Quote(value, typed));
    }
}
