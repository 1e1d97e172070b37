import type { Metadata } from "next";
import "membrane-react-kit/styles.css";
import "./globals.css";

// create-next-app's layout loads Geist through next/font/google, which downloads the font at build
// time. This example stays offline, so it uses the system font stack instead.

export const metadata: Metadata = {
  title: "Membrane kit on Next.js",
  description: "membrane-react-kit in a Next.js App Router app",
};

export default function RootLayout({ children }: LayoutProps<"/">) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
