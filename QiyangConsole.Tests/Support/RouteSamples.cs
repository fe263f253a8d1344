namespace QiyangConsole.Tests.Support;

/// <summary>A real URL of the demo data for each route template of the access table (the access matrix and the axe sweep open them).</summary>
public static class RouteSamples
{
    public static readonly IReadOnlyDictionary<string, string> Urls = new Dictionary<string, string>
    {
        ["/projects/{Id:int}"] = "/projects/1",
        ["/work-items/{Id:int}"] = "/work-items/1",
        ["/evaluation/periods/{Id:int}"] = "/evaluation/periods/1",
        ["/evaluation/periods/{Id:int}/print"] = "/evaluation/periods/1/print",
        ["/evaluation/quarters/{Year:int}/{Quarter:int}"] = "/evaluation/quarters/2023/1",
        ["/evaluation/schemes/{Year:int}"] = "/evaluation/schemes/2023",
        ["/enterprises/{Id:int}"] = "/enterprises/1",
        ["/enterprises/{Id:int}/card"] = "/enterprises/1/card",
        ["/enterprises/cadres/{Id:int}"] = "/enterprises/cadres/1",
        ["/visits/{Id:int}"] = "/visits/1",
        ["/exchanges/problems/{Id:int}"] = "/exchanges/problems/1",
        ["GET /work-items/attachments/{updateId:int}"] = "/work-items/attachments/1",
        ["GET /evaluation/periods/{id:int}/circular.xlsx"] = "/evaluation/periods/1/circular.xlsx",
        ["GET /evaluation/periods/{id:int}/circular.docx"] = "/evaluation/periods/1/circular.docx",
        ["GET /evaluation/periods/{id:int}/template.xlsx"] = "/evaluation/periods/1/template.xlsx",
        ["GET /evaluation/quarters/{year:int}/{quarter:int}.xlsx"] = "/evaluation/quarters/2023/1.xlsx",
        ["GET /visits/{id:int}/photo"] = "/visits/1/photo",
        ["GET /system/backups/{name}"] = "/system/backups/qiyang-20230101-000000.db",
        ["GET /culture/set"] = "/culture/set?culture=zh-CN&returnUrl=/",
        ["* /hangfire/{**path}"] = "/hangfire",
        ["* /{**path:file}"] = "/assets/css/app.css",
    };
}
