using System.Net;

namespace Playground.Server.Apis;

/// <summary>Answers for a person who opened a link or "/" in a browser: a short page that says what happened, not a Kubernetes Status.</summary>
public static class BrowserPages
{
    public static IResult Message(int statusCode, string title, string message, string linkHref, string linkText) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} · Kubernetes Playground</title></head>
        <body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p><p><a href="{linkHref}">{WebUtility.HtmlEncode(linkText)}</a></p></main></body></html>
        """, "text/html; charset=utf-8", statusCode: statusCode);

    /// <summary>The visitor owns as many sandboxes as it may: the way out is to delete one.</summary>
    public static IResult QuotaExceeded(string message) =>
        Message(StatusCodes.Status403Forbidden, "Too many sandboxes", message, "/sandboxes", "Open My sandboxes");

    /// <summary>Too many sandboxes were made from this address without a visitor cookie.</summary>
    public static IResult TooManyCreations(string message) =>
        Message(StatusCodes.Status429TooManyRequests, "Too many new sandboxes", message, "/", "Try again");
}
