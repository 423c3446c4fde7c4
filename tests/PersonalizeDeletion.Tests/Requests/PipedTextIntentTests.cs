using PersonalizeDeletion.Requests;
using Xunit;

namespace PersonalizeDeletion.Tests.Requests
{
    /// <summary>The rules that tell a piped CSV header or file name from a user ID, and leave real IDs alone.</summary>
    public class PipedTextIntentTests
    {
        [Theory]
        [InlineData("USER_ID")]
        [InlineData("user_id")]
        [InlineData("User_Id")]
        [InlineData("\"USER_ID\"")]
        [InlineData("\uFEFFUSER_ID")]
        [InlineData(" USER_ID ")]
        [InlineData("USER_ID,EMAIL")]
        [InlineData("EMAIL,user_id,NAME")]
        [InlineData("\"EMAIL\",\"USER_ID\"")]
        [InlineData("EMAIL;USER_ID")]
        [InlineData("EMAIL\tUSER_ID")]
        [InlineData("USER_ID\r\nu-1\r\nu-2\r\n")]
        [InlineData("USER_ID,EMAIL\nu-1,a@example.com\n")]
        public void ACsvHeaderLineIsRecognised(string text)
        {
            Assert.True(PipedTextIntent.IsCsvHeader(text));
        }

        [Theory]
        [InlineData("u-1")]
        [InlineData("USER")]
        [InlineData("Smith, John")]
        [InlineData("u-1,a@example.com")]
        [InlineData("user_id_42")]
        [InlineData("my_user_id")]
        [InlineData("USER_ID2,EMAIL")]
        [InlineData("USER-ID")]
        [InlineData("USERID")]
        [InlineData("tenant/user_id")]
        [InlineData("u-1\nUSER_ID")]
        [InlineData("")]
        public void AUserIdIsNotAHeaderEvenWithACommaOrUserIdInside(string text)
        {
            Assert.False(PipedTextIntent.IsCsvHeader(text));
        }

        [Theory]
        [InlineData("./requests.csv")]
        [InlineData(".\\requests.csv")]
        [InlineData("../exports/ids")]
        [InlineData("..\\ids")]
        [InlineData("/home/dpo/requests")]
        [InlineData("\\\\server\\share\\ids.csv")]
        [InlineData("~/requests.csv")]
        [InlineData("C:\\exports\\ids")]
        [InlineData("c:/exports/ids")]
        [InlineData("requests.csv")]
        [InlineData("Requests.CSV")]
        [InlineData("ids.txt")]
        [InlineData("ids.tsv")]
        [InlineData("exports/2026/ids.csv")]
        public void PathLikeTextIsWorthAskingTheFileSystemAbout(string text)
        {
            Assert.True(PipedTextIntent.MayNameFile(text));
        }

        [Theory]
        [InlineData("u-1")]
        [InlineData("tenant/42")]
        [InlineData("a@example.com")]
        [InlineData("john.smith")]
        [InlineData("https://example.com/users/42")]
        [InlineData("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e")]
        [InlineData(".hidden-id")]
        [InlineData("x.csv.bak")]
        [InlineData(".csv")]
        [InlineData("/")]
        [InlineData("~")]
        [InlineData("1:/x")]
        public void OrdinaryIdsAreNotAskedAbout(string text)
        {
            Assert.False(PipedTextIntent.MayNameFile(text));
        }
    }
}
