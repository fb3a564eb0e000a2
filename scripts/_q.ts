import { yoga } from "../graphql/yoga.server";
const q = async (query: string) => { const r = await yoga.fetch("http://x/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) }); console.log(JSON.stringify(await r.json()).slice(0, 1500)); };
await q(`{ task(code: "1.1") { code title leadDepartments { name } supportingDepartments { name } implementers { name } targets { code progress { value required status summaryZh } } } }`);
await q(`{ tasks(first: 3, departmentCode: "water", role: LEAD) { totalCount edges { node { code title } } pageInfo { hasNextPage endCursor } } }`);
await q(`{ coverageMatrix(cityCode: "2306") { rows { area { name } cells { element stations automatic status } } } }`);
await q(`{ alertSummary(from: "2025-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { kind status count } }`);
await q(`{ task(code: "9.9") { code } }`);
await q(`mutation { addStation(input: {code: "X1", name: "x", element: AIR, areaCode: "230602", mode: AUTOMATIC}) { code } }`);
await q(`{ users { email } }`);
