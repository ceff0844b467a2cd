using Playground.Client.Services;

namespace Playground.Server.Classrooms;

public static class ClassroomsExtensions
{
    /// <summary>The classroom pages' gateways, one per circuit (or per request for the statically rendered join page).</summary>
    public static WebApplicationBuilder AddClassrooms(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IClassroomGateway, ClassroomGateway>();
        builder.Services.AddScoped<IStudentGateway, StudentGateway>();
        return builder;
    }

    /// <summary>Scenarios, classrooms, joining, the instructor's student routes, and the instructor's browser entries.</summary>
    public static WebApplication MapClassrooms(this WebApplication app)
    {
        app.MapScenarioApis();
        app.MapClassroomApis();
        app.MapJoinApi();
        app.MapStudentApis();
        app.MapInstructorEntry();
        return app;
    }
}
