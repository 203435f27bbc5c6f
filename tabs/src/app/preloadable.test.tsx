/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { preloadable } from './preloadable';

const Greeting = (props: { name: string }) => <p>Hello {props.name}</p>;

describe('preloadable', () => {
  it('renders a preloaded component in the same commit, without its fallback', async () => {
    let loads = 0;
    const greeting = preloadable(async () => {
      loads++;
      return Greeting;
    });
    await Promise.all([greeting.preload(), greeting.preload()]);
    // No act() around the awaits: had it suspended, the fallback would be what this render shows.
    render(
      <Suspense fallback={<p>Loading</p>}>
        <greeting.Component name="Ada" />
      </Suspense>,
    );
    expect(screen.getByText('Hello Ada')).toBeTruthy();
    expect(screen.queryByText('Loading')).toBeNull();
    expect(loads).toBe(1);
  });

  it('suspends until the chunk arrives when it was not asked for before', async () => {
    let arrive: (component: typeof Greeting) => void = () => undefined;
    const greeting = preloadable(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    render(
      <Suspense fallback={<p>Loading</p>}>
        <greeting.Component name="Ada" />
      </Suspense>,
    );
    expect(screen.getByText('Loading')).toBeTruthy();
    await act(async () => arrive(Greeting));
    expect(await screen.findByText('Hello Ada')).toBeTruthy();
  });

  it('asks again after a failed load', async () => {
    let loads = 0;
    const greeting = preloadable(async () => {
      if (++loads === 1) throw new Error('chunk missing');
      return Greeting;
    });
    await expect(greeting.preload()).rejects.toThrow('chunk missing');
    await expect(greeting.preload()).resolves.toBe(Greeting);
    expect(loads).toBe(2);
  });
});
