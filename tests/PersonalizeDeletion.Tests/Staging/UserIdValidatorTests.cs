using System.Linq;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    public class UserIdValidatorTests
    {
        private const string Emoji = "\U0001F600";

        [Theory]
        [InlineData("user-1")]
        [InlineData("a")]
        [InlineData(" leading and trailing ")]
        [InlineData("with,comma and \"quotes\"")]
        [InlineData("Ünïcødé 中文 " + Emoji)]
        public void AcceptsOrdinaryIds(string id) => Assert.Equal(UserIdProblem.None, UserIdValidator.Check(id));

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void RejectsEmpty(string? id) => Assert.Equal(UserIdProblem.Empty, UserIdValidator.Check(id));

        [Theory]
        [InlineData(" ")]
        [InlineData("   ")]
        [InlineData("\t\r\n")]
        [InlineData("\u00A0\u3000\u2003")]
        [InlineData("\u2028")]
        public void RejectsWhitespaceOnly(string id) => Assert.Equal(UserIdProblem.WhitespaceOnly, UserIdValidator.Check(id));

        [Fact]
        public void AcceptsExactly256Characters() => Assert.Equal(UserIdProblem.None, UserIdValidator.Check(new string('x', 256)));

        [Fact]
        public void Rejects257Characters() => Assert.Equal(UserIdProblem.TooLong, UserIdValidator.Check(new string('x', 257)));

        [Fact]
        public void CountsASurrogatePairAsOneCharacter()
        {
            string twoHundredFiftySixEmoji = string.Concat(Enumerable.Repeat(Emoji, 256));
            Assert.Equal(512, twoHundredFiftySixEmoji.Length);
            Assert.Equal(UserIdProblem.None, UserIdValidator.Check(twoHundredFiftySixEmoji));
            Assert.Equal(UserIdProblem.None, UserIdValidator.Check(new string('x', 255) + Emoji));
            Assert.Equal(UserIdProblem.TooLong, UserIdValidator.Check(twoHundredFiftySixEmoji + Emoji));
            Assert.Equal(UserIdProblem.TooLong, UserIdValidator.Check(new string('x', 256) + Emoji));
        }

        [Theory]
        [InlineData("a\u0000b")]
        [InlineData("a\tb")]
        [InlineData("a\rb")]
        [InlineData("a\nb")]
        [InlineData("line\r\n")]
        [InlineData("a\u001Fb")]
        [InlineData("a\u007Fb")]
        [InlineData("a\u0085b")]
        [InlineData("a\u009Fb")]
        [InlineData("a\u2028b")]
        [InlineData("a\u2029b")]
        public void RejectsControlCharactersAndSeparators(string id) => Assert.Equal(UserIdProblem.ControlCharacter, UserIdValidator.Check(id));

        [Fact]
        public void RejectsUnpairedSurrogates()
        {
            // Built in code, not in attributes: attribute metadata cannot carry an unpaired surrogate.
            foreach (string id in new[] { "a\uD800b", "\uDC00", "trailing high \uD83D", "reversed \uDE00\uD83D" })
            {
                Assert.Equal(UserIdProblem.InvalidCharacter, UserIdValidator.Check(id));
            }
        }

        [Fact]
        public void ReportsControlBeforeLength() =>
            Assert.Equal(UserIdProblem.ControlCharacter, UserIdValidator.Check(new string('x', 300) + "\n"));

        [Fact]
        public void DescribesLengthInCharactersWithoutTheId()
        {
            string id = string.Concat(Enumerable.Repeat("ab" + Emoji, 100));
            Assert.Equal(
                "The user ID is 300 characters long; the service accepts at most 256.",
                UserIdValidator.Describe(UserIdValidator.Check(id), id));
        }

        [Fact]
        public void DescribesTheControlCharacterAndPositionWithoutTheId()
        {
            string id = "secret" + Emoji + "\nrest";
            string message = UserIdValidator.Describe(UserIdValidator.Check(id), id);
            Assert.Contains("U+000A", message);
            Assert.Contains("position 8", message);
            Assert.DoesNotContain("secret", message);
        }

        [Fact]
        public void DescribesAnUnpairedSurrogate()
        {
            string id = "secret\uD800";
            string message = UserIdValidator.Describe(UserIdValidator.Check(id), id);
            Assert.Contains("U+D800", message);
            Assert.Contains("position 7", message);
            Assert.DoesNotContain("secret", message);
        }
    }
}
