import { Card, Empty } from "../components/ui.tsx";

export function ClaimsPage() {
  return (
    <div className="page" data-testid="claims-page">
      <h1>Claims</h1>
      <Card title="Claims">
        <Empty>Not available in this deployment yet.</Empty>
      </Card>
    </div>
  );
}
