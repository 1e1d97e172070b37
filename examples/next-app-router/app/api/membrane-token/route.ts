import { createTokenHandler } from "membrane-react-kit/server";

// Signs a short-lived Membrane token for the signed-in customer. With the local emulator, set
// MEMBRANE_WORKSPACE_KEY / MEMBRANE_WORKSPACE_SECRET to its dev-only key and secret (.env.example).
const handler = createTokenHandler({
  credentials: {
    workspaceKey: process.env.MEMBRANE_WORKSPACE_KEY!,
    workspaceSecret: process.env.MEMBRANE_WORKSPACE_SECRET!,
  },
  // Your auth goes here (read the session cookie from `request`). The example has no sign-in, so
  // everyone is the emulator's seeded demo customer.
  getCustomer: async () => ({ id: "demo-customer", name: "Acme Inc.", fields: { plan: "pro" } }),
  expiresIn: "1h",
});

export { handler as GET, handler as POST };
