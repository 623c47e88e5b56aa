import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import 'pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css';
import './globals.css';
import { Header } from '@/components/shell/header';
import { ThemeScript } from '@/components/shell/theme-script';
import { ProgressProvider } from '@/components/lesson/progress-provider';
import { ClassProgressReporter } from '@/components/classroom/progress-reporter';
import { NONCE_HEADER } from '@/lib/server/security-headers';

export const metadata: Metadata = {
  title: { default: '쿠버네티스 실습실', template: '%s · 쿠버네티스 실습실' },
  description: '클러스터, 파드, 레플리카셋, 디플로이먼트, 서비스를 살아 있는 클러스터 그래프와 함께 한국어로 배웁니다.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

// Reading the request headers renders every page per request: the CSP nonce is new each time.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="ko" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="min-h-full bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900"
        >
          본문으로 건너뛰기
        </a>
        <ProgressProvider>
          <Header />
          <ClassProgressReporter />
          <div id="main">{children}</div>
        </ProgressProvider>
      </body>
    </html>
  );
}
