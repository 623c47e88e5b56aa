import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col items-center px-6 py-24 text-center">
      <p className="text-6xl font-black text-brand-500" aria-hidden="true">
        404
      </p>
      <h1 className="mt-4 text-2xl font-bold">페이지를 찾을 수 없습니다</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        주소가 바뀌었거나 없는 레슨입니다. <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">kubectl get</code>이
        NotFound를 돌려준 것과 같아요.
      </p>
      <div className="mt-8 flex gap-3">
        <Link href="/" className="rounded-md bg-brand-500 px-4 py-2 font-semibold text-white hover:bg-brand-600">
          커리큘럼으로 돌아가기
        </Link>
        <Link href="/playground" className="rounded-md border border-zinc-300 px-4 py-2 font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          실습장 열기
        </Link>
      </div>
    </main>
  );
}
