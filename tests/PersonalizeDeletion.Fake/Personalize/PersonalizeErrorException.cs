using System;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>An error the fake answers in the awsJson1_1 form: <c>{"__type": Code, "message": ...}</c>.</summary>
public sealed class PersonalizeErrorException : Exception
{
    public PersonalizeErrorException(string code, string message, int status = 400)
        : base(message)
    {
        Code = code;
        Status = status;
    }

    public string Code { get; }

    public int Status { get; }

    public static PersonalizeErrorException NotFound(string arn) =>
        new("ResourceNotFoundException", $"Could not find resource with arn {arn}");

    public static PersonalizeErrorException InvalidInput(string message) => new("InvalidInputException", message);

    public static PersonalizeErrorException InvalidNextToken() =>
        new("InvalidNextTokenException", "The next token is invalid or expired. Use the nextToken value returned by the previous call.");
}
